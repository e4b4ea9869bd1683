/*
 * Sorting and filtering for tables marked data-crr-table, as progressive enhancement: without
 * JavaScript the table is complete and readable. Header cells with data-sort ("text" or
 * "number") become sort buttons; header cells with data-filter get a select of their values;
 * a text box filters on every cell. Cells may give their sort/filter value in data-value /
 * data-filter-value. Every string is set as text, never as HTML.
 */
(function () {
  'use strict';

  var collator = typeof Intl !== 'undefined' ? new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' }) : null;
  var counter = 0;

  function cellValue(cell) {
    if (!cell) return '';
    var v = cell.getAttribute('data-value');
    return v !== null ? v : cell.textContent.trim();
  }

  function filterValue(cell) {
    if (!cell) return '';
    var v = cell.getAttribute('data-filter-value');
    return v !== null ? v : cellValue(cell);
  }

  function compare(a, b, type) {
    if (type === 'number') {
      var x = parseFloat(a);
      var y = parseFloat(b);
      var xn = isNaN(x);
      var yn = isNaN(y);
      if (xn && yn) return 0;
      if (xn) return 1;
      if (yn) return -1;
      return x - y;
    }
    if (collator) return collator.compare(a, b);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function enhance(table) {
    var tbody = table.tBodies[0];
    var head = table.tHead && table.tHead.rows[0];
    if (!tbody || !head) return;
    var id = 'crr-table-' + ++counter;
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.forEach(function (row, i) { row.setAttribute('data-order', String(i)); });
    var noun = table.getAttribute('data-crr-table-noun') || 'rows';
    var headers = Array.prototype.slice.call(head.cells);

    // Controls above the table.
    var controls = document.createElement('div');
    controls.className = 'crr-table-controls';
    var row = document.createElement('div');
    row.className = 'crr-table-controls__row';
    controls.appendChild(row);

    function group(labelText, control) {
      var g = document.createElement('div');
      g.className = 'nhsuk-form-group';
      var label = document.createElement('label');
      label.className = 'nhsuk-label';
      label.setAttribute('for', control.id);
      label.textContent = labelText;
      g.appendChild(label);
      g.appendChild(control);
      row.appendChild(g);
    }

    var text = document.createElement('input');
    text.type = 'search';
    text.className = 'nhsuk-input';
    text.id = id + '-text';
    text.autocomplete = 'off';
    group('Filter ' + noun, text);

    var selects = [];
    headers.forEach(function (th, col) {
      var name = th.getAttribute('data-filter');
      if (!name) return;
      var values = {};
      rows.forEach(function (r) {
        var v = filterValue(r.cells[col]);
        if (v) values[v] = true;
      });
      var keys = Object.keys(values).sort(function (a, b) { return compare(a, b, th.getAttribute('data-sort') || 'text'); });
      if (keys.length < 2) return;
      var select = document.createElement('select');
      select.className = 'nhsuk-select';
      select.id = id + '-filter-' + col;
      var all = document.createElement('option');
      all.value = '';
      all.textContent = 'All';
      select.appendChild(all);
      keys.forEach(function (k) {
        var o = document.createElement('option');
        o.value = k;
        o.textContent = k;
        select.appendChild(o);
      });
      group(name, select);
      selects.push({ col: col, el: select });
    });

    var status = document.createElement('p');
    status.className = 'crr-table-controls__count';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    controls.appendChild(status);
    table.parentNode.insertBefore(controls, table);

    function apply() {
      var q = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var ok = true;
        for (var i = 0; i < selects.length && ok; i++) {
          var want = selects[i].el.value;
          if (want && filterValue(r.cells[selects[i].col]) !== want) ok = false;
        }
        if (ok && q) ok = r.textContent.toLowerCase().indexOf(q) !== -1;
        r.hidden = !ok;
        if (ok) shown++;
      });
      status.textContent = shown === rows.length ? 'Showing all ' + rows.length + ' ' + noun : 'Showing ' + shown + ' of ' + rows.length + ' ' + noun;
    }
    text.addEventListener('input', apply);
    selects.forEach(function (s) { s.el.addEventListener('change', apply); });
    apply();

    // Sort buttons in the header cells.
    headers.forEach(function (th, col) {
      var type = th.getAttribute('data-sort');
      if (!type) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'crr-sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement('span');
      icon.className = 'crr-sort__icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = '\u2195';
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) {
          h.removeAttribute('aria-sort');
          var i = h.querySelector('.crr-sort__icon');
          if (i) i.textContent = '\u2195';
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        icon.textContent = ascending ? '\u2191' : '\u2193';
        var sorted = rows.slice().sort(function (a, b) {
          var c = compare(cellValue(a.cells[col]), cellValue(b.cells[col]), type);
          if (!ascending) c = -c;
          return c || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
        });
        sorted.forEach(function (r) { tbody.appendChild(r); });
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-crr-table]'), enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
