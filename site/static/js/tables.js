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
      var select = filterSelect(id + '-filter-' + col, keys);
      group(name, select);
      selects.push({ col: col, el: select });
    });

    var status = countLine();
    controls.appendChild(status);
    // A table in a phone scroll box (.crr-table-scroll) gets its controls above the box, not inside it.
    var box = table.closest('.crr-table-scroll') || table;
    box.parentNode.insertBefore(controls, box);

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
      sortButton(th, headers, function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        var sorted = rows.slice().sort(function (a, b) {
          var c = compare(cellValue(a.cells[col]), cellValue(b.cells[col]), type);
          if (!ascending) c = -c;
          return c || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
        });
        sorted.forEach(function (r) { tbody.appendChild(r); });
        return ascending;
      });
    });
  }

  // --- Long lists (site/src/list-data.ts): the page holds the first rows; `<folder>/data.js`, a
  // classic script (fetch() fails over file://), calls crrList(name, { columns, rows }) with all
  // of them. The table is then drawn from the data, a page of PAGE rows at a time.
  var PAGE = 100;
  var lists = {};

  function formatNumber(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function cellText(v) {
    return Array.isArray(v) ? v[0] : v;
  }

  function slugHref(pattern, slug) {
    return pattern.split('*').join(encodeURIComponent(slug));
  }

  function newControl(tag, cls, id) {
    var el = document.createElement(tag);
    el.className = cls;
    if (id) el.id = id;
    return el;
  }

  /**
   * Turns a header cell's content into a sort button. `sort` sorts the rows and returns whether
   * it sorted ascending; the button then marks this column (aria-sort, arrow) and clears the others.
   */
  function sortButton(th, headers, sort) {
    var button = newControl('button', 'crr-sort');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    var icon = newControl('span', 'crr-sort__icon');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '\u2195';
    button.appendChild(icon);
    th.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = sort();
      headers.forEach(function (h) {
        h.removeAttribute('aria-sort');
        var i = h.querySelector('.crr-sort__icon');
        if (i) i.textContent = '\u2195';
      });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      icon.textContent = ascending ? '\u2191' : '\u2193';
    });
  }

  /** A column's filter: "All", then each value the column holds. */
  function filterSelect(id, keys) {
    var select = newControl('select', 'nhsuk-select', id);
    var any = document.createElement('option');
    any.value = '';
    any.textContent = 'All';
    select.appendChild(any);
    keys.forEach(function (k) {
      var o = document.createElement('option');
      o.value = k;
      o.textContent = k;
      select.appendChild(o);
    });
    return select;
  }

  /** The line that says how many rows show, read out when it changes. */
  function countLine() {
    var status = newControl('p', 'crr-table-controls__count');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    return status;
  }

  function enhanceList(table, data) {
    var tbody = table.tBodies[0];
    var head = table.tHead && table.tHead.rows[0];
    if (!tbody || !head || table.getAttribute('data-crr-enhanced')) return;
    table.setAttribute('data-crr-enhanced', 'list');
    var id = 'crr-table-' + ++counter;
    var name = table.getAttribute('data-crr-list');
    var noun = table.getAttribute('data-crr-table-noun') || 'rows';
    var columns = data.columns;
    var all = data.rows;
    var headers = Array.prototype.slice.call(head.cells);
    var box = document.querySelector('[data-crr-list-box="' + name + '"]');
    if (box) box.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll('[data-crr-list-note="' + name + '"]'), function (n) { n.hidden = true; });

    var controls = newControl('div', 'crr-table-controls');
    var row = newControl('div', 'crr-table-controls__row');
    controls.appendChild(row);
    function group(labelText, control) {
      var g = newControl('div', 'nhsuk-form-group');
      var label = newControl('label', 'nhsuk-label');
      label.setAttribute('for', control.id);
      label.textContent = labelText;
      g.appendChild(label);
      g.appendChild(control);
      row.appendChild(g);
    }
    var text = newControl('input', 'nhsuk-input', id + '-text');
    text.type = 'search';
    text.autocomplete = 'off';
    group('Filter ' + noun, text);

    var selects = [];
    columns.forEach(function (c, col) {
      if (!c.filter) return;
      var values = {};
      all.forEach(function (r) { var v = cellText(r[col]); if (v !== '' && v !== undefined) values[v] = true; });
      var keys = Object.keys(values).sort(function (a, b) { return compare(a, b, 'text'); });
      if (keys.length < 2) return;
      var select = filterSelect(id + '-filter-' + col, keys);
      group(c.label, select);
      selects.push({ col: col, el: select });
    });

    var status = countLine();
    controls.appendChild(status);
    // A table in a phone scroll box (.crr-table-scroll) gets its controls above the box, not inside it.
    var box = table.closest('.crr-table-scroll') || table;
    box.parentNode.insertBefore(controls, box);

    var pager = newControl('nav', 'crr-pager');
    pager.setAttribute('aria-label', 'Pages of ' + noun);
    var prev = newControl('button', 'nhsuk-button nhsuk-button--secondary crr-pager__prev');
    prev.type = 'button';
    prev.textContent = 'Previous page';
    var where = newControl('span', 'crr-pager__where');
    var next = newControl('button', 'nhsuk-button nhsuk-button--secondary crr-pager__next');
    next.type = 'button';
    next.textContent = 'Next page';
    pager.appendChild(prev);
    pager.appendChild(where);
    pager.appendChild(next);
    box.parentNode.insertBefore(pager, box.nextSibling);

    var order = all.map(function (_, i) { return i; });
    var shown = order;
    var page = 0;

    function anchorOf(r) {
      for (var c = 0; c < columns.length; c++) if (columns[c].anchor && Array.isArray(r[c])) return slugHref(columns[c].anchor, r[c][1]);
      return null;
    }

    function renderCell(c, v) {
      var td = document.createElement('td');
      td.className = 'nhsuk-table__cell' + (c.sort === 'number' ? ' nhsuk-table__cell--numeric' : '');
      if (Array.isArray(v)) {
        var target = c.href ? slugHref(c.href, v[1]) : null;
        // A link to an anchor that is not on the page (only the first findings are in full) would go nowhere.
        if (target && target.charAt(0) === '#' && !document.getElementById(target.slice(1))) target = null;
        if (target) {
          var a = document.createElement('a');
          a.href = target;
          a.textContent = v[0];
          td.appendChild(a);
        } else td.appendChild(document.createTextNode(v[0]));
        if (v[2]) {
          var note = document.createElement(c.note === 'text' ? 'p' : 'span');
          note.className = c.note === 'text' ? 'nhsuk-body-s crr-list-note__text' : 'crr-id';
          note.textContent = v[2];
          if (c.note !== 'text') td.appendChild(document.createTextNode(' '));
          td.appendChild(note);
        }
      } else td.textContent = c.sort === 'number' && typeof v === 'number' ? formatNumber(v) : v === undefined ? '' : String(v);
      return td;
    }

    function render() {
      var pages = Math.max(1, Math.ceil(shown.length / PAGE));
      if (page >= pages) page = pages - 1;
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      var end = Math.min(shown.length, (page + 1) * PAGE);
      for (var i = page * PAGE; i < end; i++) {
        var r = all[shown[i]];
        var tr = document.createElement('tr');
        tr.className = 'nhsuk-table__row';
        var anchor = anchorOf(r);
        if (anchor && !document.getElementById(anchor)) tr.id = anchor;
        columns.forEach(function (c, col) { tr.appendChild(renderCell(c, r[col])); });
        tbody.appendChild(tr);
      }
      var range = shown.length ? formatNumber(page * PAGE + 1) + ' to ' + formatNumber(end) : 'none';
      status.textContent = (shown.length === all.length ? formatNumber(all.length) + ' ' + noun : formatNumber(shown.length) + ' of ' + formatNumber(all.length) + ' ' + noun + ' match') + (shown.length > PAGE ? ': showing ' + range + ', page ' + (page + 1) + ' of ' + pages : '');
      where.textContent = 'Page ' + (page + 1) + ' of ' + pages;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      pager.hidden = pages < 2;
    }

    var sortCol = -1;
    var ascending = true;
    function apply() {
      var q = text.value.trim().toLowerCase();
      shown = order.filter(function (i) {
        var r = all[i];
        for (var s = 0; s < selects.length; s++) {
          var want = selects[s].el.value;
          if (want && String(cellText(r[selects[s].col])) !== want) return false;
        }
        if (!q) return true;
        for (var c = 0; c < r.length; c++) {
          var v = r[c];
          var t = Array.isArray(v) ? v[0] + ' ' + (v[2] || '') : String(v);
          if (t.toLowerCase().indexOf(q) !== -1) return true;
        }
        return false;
      });
      page = 0;
      render();
    }
    text.addEventListener('input', apply);
    selects.forEach(function (s) { s.el.addEventListener('change', apply); });
    prev.addEventListener('click', function () { page--; render(); });
    next.addEventListener('click', function () { page++; render(); });

    headers.forEach(function (th, col) {
      var c = columns[col];
      if (!c) return;
      sortButton(th, headers, function () {
        ascending = !(sortCol === col && ascending);
        sortCol = col;
        order = all.map(function (_, i) { return i; }).sort(function (a, b) {
          var x = c.sort === 'number' ? all[a][col] : String(cellText(all[a][col]));
          var y = c.sort === 'number' ? all[b][col] : String(cellText(all[b][col]));
          var d = compare(x, y, c.sort);
          return (ascending ? d : -d) || a - b;
        });
        apply();
        return ascending;
      });
    });

    render();
    // A link from another page to a row not in the page's HTML (`#finding-…`): show its page.
    var hash = location.hash ? decodeURIComponent(location.hash.slice(1)) : '';
    if (hash && !document.getElementById(hash)) {
      for (var k = 0; k < all.length; k++) {
        if (anchorOf(all[k]) === hash) {
          page = Math.floor(k / PAGE);
          render();
          var target = document.getElementById(hash);
          if (target) target.scrollIntoView();
          break;
        }
      }
    }
  }

  function enhanceAll(name) {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-crr-list="' + name + '"]'), function (t) { enhanceList(t, lists[name]); });
  }

  /** Called by a list's data script. */
  window.crrList = function (name, data) {
    if (!data || !Array.isArray(data.columns) || !Array.isArray(data.rows)) return;
    lists[name] = data;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { enhanceAll(name); });
    else enhanceAll(name);
  };

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-crr-table]'), function (t) {
      // A long list waits for its data; without it (the script not loaded), its first page stays as it is.
      var name = t.getAttribute('data-crr-list');
      if (name) {
        if (lists[name]) enhanceList(t, lists[name]);
        return;
      }
      enhance(t);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
