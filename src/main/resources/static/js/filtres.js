// Search page: the facets fold behind « Filtrer (n) » so that a phone shows the results first. On a wide screen,
// where they fit beside the results, they are opened (and their disclosure hidden). Without JavaScript the
// disclosure simply stays closed until opened.
(function () {
  'use strict';
  var filters = document.querySelector('details.filtres');
  if (!filters) { return; }
  var wide = window.matchMedia('(min-width: 60em)');
  function follow() {
    if (wide.matches) {
      filters.open = true;
      filters.classList.add('filtres--large');
    } else {
      filters.classList.remove('filtres--large');
    }
  }
  follow();
  wide.addEventListener('change', follow);
}());
