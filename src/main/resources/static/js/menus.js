// Menus of the buyers' and staff's navigation (<details>): one open at a time, closed by Escape (focus back on
// its title) or by a click elsewhere. Without JavaScript each menu opens and closes with its title.
(function () {
  'use strict';
  var menus = Array.prototype.slice.call(document.querySelectorAll('details.menu'));
  menus.forEach(function (menu) {
    menu.addEventListener('toggle', function () {
      if (menu.open) {
        menus.forEach(function (other) { if (other !== menu) { other.open = false; } });
      }
    });
    menu.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
  });
  document.addEventListener('click', function (event) {
    menus.forEach(function (menu) { if (menu.open && !menu.contains(event.target)) { menu.open = false; } });
  });
}());
