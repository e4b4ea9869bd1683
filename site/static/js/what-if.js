/*
 * The what-if page: reads the form, asks core's own evaluation (static/js/what-if-engine.js, which
 * sets crrWhatIf) about the register's compact graph (what-if/data.js, which sets
 * crrWhatIfData), and shows what is cut and what is degraded. Classic script: it runs from disk.
 * Everything from the register is written with textContent, never as HTML.
 */
(function () {
  'use strict';
  var form = document.getElementById('crr-what-if');
  var data = window.crrWhatIfData;
  var engine = window.crrWhatIf;
  if (!form || !data || !engine) return;
  var status = document.getElementById('crr-what-if-status');
  var results = document.getElementById('crr-what-if-results');
  var errorBox = document.getElementById('crr-what-if-error');
  var errorText = document.getElementById('crr-what-if-error-text');
  var failText = document.getElementById('crr-what-if-fail');
  var evaluation = engine.load(data);
  var assetIds = new Set(data.assets.map(function (a) { return a.id; }));
  var siteRow = new Map(data.sites.map(function (s) { return [s[0], s]; }));
  var siteName = function (id) { var s = siteRow.get(id); return s ? s[1] : id; };
  var num = new Intl.NumberFormat('en-GB');

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function option(select, value, label) {
    var o = el('option', label);
    o.value = value;
    select.appendChild(o);
  }
  function distinct(values) {
    return Array.from(new Set(values.filter(function (v) { return typeof v === 'string'; }))).sort();
  }

  // --- The choices, from the data.
  var scenarioSelect = document.getElementById('crr-what-if-scenario');
  data.scenarios.forEach(function (s, i) { option(scenarioSelect, String(i), s.title + ' (' + s.id + ')'); });
  ['software', 'carrier', 'location'].forEach(function (key) {
    var select = document.getElementById('crr-what-if-' + key);
    distinct(data.assets.map(function (a) { return a[key]; })).forEach(function (v) {
      option(select, v, key === 'location' && siteRow.has(v) ? siteName(v) + ' (' + v + ')' : v);
    });
  });
  var placeSelect = document.getElementById('crr-what-if-place');
  var icbs = distinct(data.sites.map(function (s) { return s[4] >= 0 ? data.places[s[4]].id : undefined; }));
  var icbName = new Map(data.places.map(function (p) { return [p.id, p.name]; }));
  icbs.forEach(function (id) { option(placeSelect, 'icb=' + id, 'ICB: ' + icbName.get(id) + ' (' + id + ')'); });
  distinct(data.sites.map(function (s) { return s[3] === null ? undefined : s[3]; })).forEach(function (id) {
    option(placeSelect, 'pcn=' + id, 'PCN: ' + (data.pcnNames[id] || id) + ' (' + id + ')');
  });
  form.hidden = false;

  // --- What fails: the same parts `crr what-if --fail` takes.
  function selectorSpec(key, value) {
    var selector = {};
    selector[key] = value;
    return { selector: selector, text: key + '=' + value };
  }
  function specsOf() {
    var specs = [];
    if (scenarioSelect.value !== '') specs.push.apply(specs, data.scenarios[Number(scenarioSelect.value)].specs);
    ['software', 'carrier', 'location'].forEach(function (key) {
      var v = document.getElementById('crr-what-if-' + key).value;
      if (v !== '') specs.push(selectorSpec(key, v));
    });
    if (placeSelect.value !== '') {
      var eq = placeSelect.value.indexOf('=');
      specs.push(selectorSpec(placeSelect.value.slice(0, eq), placeSelect.value.slice(eq + 1)));
    }
    var lines = failText.value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean);
    for (var i = 0; i < lines.length; i++) {
      var text = lines[i];
      if (text.indexOf('=') < 0) {
        if (!assetIds.has(text)) return { problem: 'There is no asset “' + text + '” in the register. Give an asset id, or a selector such as vendor=Cisco Meraki.' };
        specs.push({ asset: text });
      } else {
        var parsed = engine.parseSelector(text, evaluation);
        if (!parsed.selector) return { problem: '“' + text + '” is not a valid selector: ' + parsed.problem + '.' };
        specs.push({ selector: parsed.selector, text: text });
      }
    }
    return { specs: specs };
  }

  function showProblem(text) {
    errorText.textContent = text;
    errorBox.hidden = false;
    failText.setAttribute('aria-describedby', 'crr-what-if-fail-hint crr-what-if-error-text');
  }
  function clearProblem() {
    errorBox.hidden = true;
    errorText.textContent = '';
    failText.setAttribute('aria-describedby', 'crr-what-if-fail-hint');
  }

  // --- The outcome.
  function patientsWords(n) { return num.format(n) + (n === 1 ? ' patient' : ' patients'); }
  function sitesWords(n) { return num.format(n) + (n === 1 ? ' site' : ' sites'); }

  function table(caption, headings, rows, testId) {
    var t = el('table', undefined, 'nhsuk-table');
    t.setAttribute('data-table', testId);
    t.appendChild(el('caption', caption, 'nhsuk-table__caption nhsuk-table__caption--s'));
    var head = el('thead', undefined, 'nhsuk-table__head');
    var hr = el('tr', undefined, 'nhsuk-table__row');
    headings.forEach(function (h, i) {
      var th = el('th', h, 'nhsuk-table__header' + (i ? ' nhsuk-table__header--numeric' : ''));
      th.scope = 'col';
      hr.appendChild(th);
    });
    head.appendChild(hr);
    t.appendChild(head);
    var body = el('tbody', undefined, 'nhsuk-table__body');
    rows.forEach(function (r) {
      var tr = el('tr', undefined, 'nhsuk-table__row');
      r.forEach(function (c, i) {
        var cell = el(i ? 'td' : 'th', typeof c === 'number' ? num.format(c) : c, i ? 'nhsuk-table__cell nhsuk-table__cell--numeric' : 'nhsuk-table__cell');
        if (!i) cell.scope = 'row';
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    var scroll = el('div', undefined, 'crr-table-scroll');
    scroll.appendChild(t);
    return scroll;
  }

  function byPcn(reach) {
    var rows = new Map();
    reach.sites.forEach(function (id) {
      var s = siteRow.get(id);
      if (!s || s[3] === null) return;
      var r = rows.get(s[3]) || { sites: 0, patients: 0 };
      r.sites++;
      r.patients += s[6];
      rows.set(s[3], r);
    });
    return Array.from(rows.entries())
      .sort(function (a, b) { return b[1].patients - a[1].patients || (a[0] < b[0] ? -1 : 1); })
      .map(function (e) { return [(data.pcnNames[e[0]] || e[0]) + ' (' + e[0] + ')', e[1].sites, e[1].patients]; });
  }

  function section(title, key, reach, pairs) {
    var s = el('section');
    s.setAttribute('data-outcome', key);
    s.appendChild(el('h2', title));
    var figures = el('p');
    figures.setAttribute('data-figures', JSON.stringify({ pairs: reach.pairs, sites: reach.sites.length, practices: reach.practices, patients: reach.patients, pcns: reach.pcns.length }));
    figures.textContent = reach.pairs
      ? sitesWords(reach.sites.length) + ' (' + num.format(reach.practices) + ' practices, ' + patientsWords(reach.patients) + ') in ' + num.format(reach.pcns.length) + (reach.pcns.length === 1 ? ' PCN' : ' PCNs') + ': ' + num.format(reach.pairs) + ' (site, service) ' + (reach.pairs === 1 ? 'pair' : 'pairs') + '.'
      : 'None.';
    s.appendChild(figures);
    if (!reach.pairs) return s;
    s.appendChild(table('By clinical service', ['Service', 'Sites', 'Patients'], reach.byService.map(function (r) { return [r.service, r.sites, r.patients]; }), key + '-services'));
    if (reach.byIcb.length) s.appendChild(table('By ICB', ['ICB', 'Sites', 'Patients'], reach.byIcb.map(function (r) { return [r.name + ' (' + r.id + ')', r.sites, r.patients]; }), key + '-icbs'));
    var pcns = byPcn(reach);
    if (pcns.length) s.appendChild(table('By PCN', ['PCN', 'Sites', 'Patients'], pcns, key + '-pcns'));
    var details = el('details', undefined, 'nhsuk-details');
    var summary = el('summary', undefined, 'nhsuk-details__summary');
    summary.appendChild(el('span', 'The ' + sitesWords(reach.sites.length) + ' and their services', 'nhsuk-details__summary-text'));
    details.appendChild(summary);
    var list = el('ul', undefined, 'nhsuk-list nhsuk-details__text');
    list.setAttribute('data-sites', key);
    var services = new Map();
    pairs.forEach(function (p) {
      var l = services.get(p.site) || [];
      l.push(p.service);
      services.set(p.site, l);
    });
    reach.sites.forEach(function (id) {
      var li = el('li', siteName(id) + ' (' + id + '): ' + (services.get(id) || []).join(', '));
      li.setAttribute('data-site', id);
      list.appendChild(li);
    });
    details.appendChild(list);
    s.appendChild(details);
    return s;
  }

  function render(result, ms) {
    var out = document.createDocumentFragment();
    var picked = el('ul', undefined, 'nhsuk-list nhsuk-list--bullet');
    result.failed.forEach(function (f) {
      picked.appendChild(el('li', f.spec + ': ' + (f.assets.length === 1 && f.assets[0] === f.spec ? 'fails' : f.assets.length + (f.assets.length === 1 ? ' asset: ' : ' assets: ') + f.assets.slice(0, 20).join(', ') + (f.assets.length > 20 ? ', …' : ''))));
    });
    out.appendChild(el('h2', 'What fails'));
    out.appendChild(picked);
    out.appendChild(section('Cut', 'cut', result.reach, result.cut));
    out.appendChild(section('Degraded', 'degraded', result.degradedReach, result.degraded));
    if (result.overloaded.length) {
      out.appendChild(el('h2', 'Over capacity at peak'));
      out.appendChild(table('Assets over their limit', ['Asset', 'Limit', 'Load'], result.overloaded.map(function (o) { return [o.name + ' (' + o.asset + ')', o.limit, o.load]; }), 'overloaded'));
    }
    results.replaceChildren(out);
    results.setAttribute('data-ms', String(Math.round(ms * 10) / 10));
    var c = result.reach, d = result.degradedReach;
    status.textContent = 'Cut: ' + (c.pairs ? sitesWords(c.sites.length) + ', ' + patientsWords(c.patients) : 'nothing') + '. Degraded: ' + (d.pairs ? sitesWords(d.sites.length) + ', ' + patientsWords(d.patients) : 'nothing') + '.';
  }

  var runs = 0;
  function run() {
    var asked = specsOf();
    if (asked.problem) {
      showProblem(asked.problem);
      status.textContent = asked.problem;
      return;
    }
    if (!asked.specs.length) {
      clearProblem();
      results.replaceChildren();
      status.textContent = 'Nothing is chosen to fail.';
      return;
    }
    var t0 = performance.now();
    var result = engine.whatIf(evaluation, asked.specs);
    var none = result.failed.filter(function (f) { return !f.assets.length; });
    if (none.length) {
      showProblem('The selector “' + none[0].spec + '” matches no asset. Check the value; * is a wildcard, and matching ignores case.');
      status.textContent = errorText.textContent;
      return;
    }
    clearProblem();
    render(result, performance.now() - t0);
    form.setAttribute('data-runs', String(++runs));
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run();
  });
  form.addEventListener('change', function (e) {
    if (e.target && e.target.tagName === 'SELECT') run();
  });
})();
