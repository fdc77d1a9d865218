// Progressive enhancement of long checkbox lists marked data-choix (sectors, départements, régions): a box that
// filters the list as the person types, the current choices shown as removable chips, and the number of ticked
// boxes kept up to date in each group's title. Without JavaScript the lists are plain checkboxes in <details>.
(function () {
  'use strict';

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }

  function labelOf(box) {
    var label = box.id ? document.querySelector('label[for="' + box.id + '"]') : null;
    return label ? label.textContent.trim() : box.value;
  }

  function countText(count, feminine) {
    if (count === 0) { return ''; }
    return '(' + count + (feminine ? (count > 1 ? ' cochées)' : ' cochée)') : (count > 1 ? ' cochés)' : ' coché)'));
  }

  document.querySelectorAll('[data-choix]').forEach(function (picker, index) {
    var groups = Array.prototype.slice.call(picker.querySelectorAll('details.choix__groupe'));
    var boxes = Array.prototype.slice.call(picker.querySelectorAll('input[type=checkbox]'));
    var inputId = 'choix-filtre-' + index;

    var tools = document.createElement('div');
    tools.className = 'choix__outils';
    var label = document.createElement('label');
    label.setAttribute('for', inputId);
    label.textContent = picker.getAttribute('data-choix-libelle') || 'Filtrer la liste';
    var hint = document.createElement('p');
    hint.className = 'champ__aide';
    hint.id = inputId + '-aide';
    hint.textContent = picker.getAttribute('data-choix-aide') || '';
    var input = document.createElement('input');
    input.type = 'search';
    input.id = inputId;
    input.autocomplete = 'off';
    input.setAttribute('aria-describedby', hint.id + ' ' + inputId + '-etat');
    var status = document.createElement('p');
    status.className = 'champ__aide';
    status.id = inputId + '-etat';
    status.setAttribute('aria-live', 'polite');
    var chipsTitle = document.createElement('p');
    chipsTitle.className = 'choix__titre-puces';
    chipsTitle.textContent = 'Vos choix :';
    var chips = document.createElement('ul');
    chips.className = 'puces';
    tools.append(label, hint, input, status, chipsTitle, chips);
    var firstGroup = picker.querySelector('.choix__groupes, details.choix__groupe');
    firstGroup.parentNode.insertBefore(tools, firstGroup);

    var openBefore = null;

    function refreshCounts() {
      groups.forEach(function (group) {
        var counter = group.querySelector('.choix__compte');
        if (counter) {
          var ticked = group.querySelectorAll('input[type=checkbox]:checked').length;
          counter.textContent = countText(ticked, group.hasAttribute('data-feminin'));
        }
      });
    }

    function refreshChips() {
      chips.replaceChildren();
      var ticked = boxes.filter(function (box) { return box.checked; });
      chipsTitle.hidden = ticked.length === 0;
      ticked.forEach(function (box) {
        var item = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'puce';
        button.textContent = labelOf(box);
        button.setAttribute('aria-label', 'Retirer « ' + labelOf(box) + ' »');
        button.addEventListener('click', function () {
          box.checked = false;
          refresh();
          input.focus();
        });
        item.appendChild(button);
        chips.appendChild(item);
      });
    }

    function refresh() {
      refreshCounts();
      refreshChips();
    }

    function filter() {
      var wanted = fold(input.value);
      if (wanted === '') {
        boxes.forEach(function (box) { box.closest('.case').hidden = false; });
        groups.forEach(function (group, i) {
          group.hidden = false;
          if (openBefore) { group.open = openBefore[i] || group.querySelector('input:checked') !== null; }
        });
        openBefore = null;
        status.textContent = '';
        return;
      }
      if (!openBefore) { openBefore = groups.map(function (group) { return group.open; }); }
      var shown = 0;
      groups.forEach(function (group) {
        var inGroup = 0;
        var groupTitle = fold(group.querySelector('summary').textContent);
        group.querySelectorAll('.case').forEach(function (item) {
          var match = fold(item.textContent).indexOf(wanted) >= 0 || groupTitle.indexOf(wanted) >= 0;
          item.hidden = !match;
          inGroup += match ? 1 : 0;
        });
        group.hidden = inGroup === 0;
        group.open = inGroup > 0;
        shown += inGroup;
      });
      status.textContent = shown === 0 ? 'Aucun choix ne correspond.' : (shown === 1 ? '1 choix correspond.' : shown + ' choix correspondent.');
    }

    input.addEventListener('input', filter);
    // Enter in the filter box must not send the whole form
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); }
    });
    boxes.forEach(function (box) { box.addEventListener('change', refresh); });
    refresh();
  });
}());
