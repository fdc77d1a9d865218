// Progressive enhancement of search boxes marked data-suggestions: a <datalist> filled with supplier names
// and sectors as the person types. Without JavaScript the box is a plain search field.
(function () {
  'use strict';
  document.querySelectorAll('input[data-suggestions]').forEach(function (input) {
    var list = document.createElement('datalist');
    list.id = input.id + '-suggestions';
    input.setAttribute('list', list.id);
    input.insertAdjacentElement('afterend', list);
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) { return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggestions + '?q=' + encodeURIComponent(text), { headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (value) {
              var option = document.createElement('option');
              option.value = value;
              return option;
            }));
          })
          .catch(function () { /* suggestions are optional */ });
      }, 200);
    });
  });
}());
