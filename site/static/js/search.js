// Search over the Pagefind index, with the site's own markup. Result text is set as text:
// Pagefind's excerpts are parsed and only their <mark> highlights are kept.
// A classic script like the site's others. Pagefind is a module, loaded with import() when asked:
// that works served, but browsers refuse modules (and fetch) from file://, so a page opened from
// disk shows the page's "needs serving" note instead of a search box that can never answer.
(function () {
  'use strict';
  const form = document.querySelector('[data-crr-search]');
  const input = document.getElementById('crr-search-input');
  const status = document.getElementById('crr-search-status');
  const list = document.getElementById('crr-search-results');
  // Where the site root is, relative to this page (the search page is one folder down).
  const root = new URL('../', document.baseURI);

  let pagefind;
  async function load() {
    if (!pagefind) {
      // An absolute URL from the site root: it does not depend on what a classic script's
      // import() resolves against.
      pagefind = await import(new URL('pagefind/pagefind.js', root).href);
      await pagefind.options({ excerptLength: 24 });
      pagefind.init();
    }
    return pagefind;
  }

  function excerptNodes(html) {
    const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
    const out = [];
    for (const node of doc.body.firstChild ? doc.body.firstChild.childNodes : []) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.push(mark);
      } else {
        out.push(document.createTextNode(node.textContent));
      }
    }
    return out;
  }

  /** Pagefind's URL (`/hazards/HAZ-1/index.html`) as a link relative to the site root. */
  function resultUrl(url) {
    const path = url.replace(/^\/+/, '');
    return new URL(path, root).href;
  }

  let run = 0;
  async function search(term) {
    const mine = ++run;
    list.replaceChildren();
    if (!term.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    let pf;
    try {
      pf = await load();
    } catch (error) {
      status.textContent = 'The search index could not be loaded.';
      console.warn(error);
      return;
    }
    const found = await pf.search(term);
    if (mine !== run) return;
    if (!found || !found.results.length) {
      status.textContent = `No results for “${term}”.`;
      return;
    }
    const shown = found.results.slice(0, 30);
    const data = await Promise.all(shown.map((r) => r.data()));
    if (mine !== run) return;
    status.textContent = `${found.results.length} result${found.results.length === 1 ? '' : 's'} for “${term}”${found.results.length > shown.length ? `, showing the first ${shown.length}` : ''}.`;
    for (const d of data) {
      const li = document.createElement('li');
      const h = document.createElement('h2');
      h.className = 'nhsuk-heading-s nhsuk-u-margin-bottom-2';
      const a = document.createElement('a');
      a.href = resultUrl(d.url);
      a.textContent = (d.meta && d.meta.title) || d.url;
      h.appendChild(a);
      if (d.meta && d.meta.kind) {
        const tag = document.createElement('strong');
        tag.className = 'nhsuk-tag nhsuk-tag--white crr-search__kind';
        tag.textContent = d.meta.kind;
        h.appendChild(tag);
      }
      li.appendChild(h);
      const p = document.createElement('p');
      p.className = 'nhsuk-body-s nhsuk-u-margin-bottom-0';
      p.append(...excerptNodes(d.excerpt || ''));
      li.appendChild(p);
      list.appendChild(li);
    }
  }

  const fromDisk = location.protocol === 'file:';
  if (fromDisk) {
    const note = document.getElementById('crr-search-needs-server');
    if (note) note.hidden = false;
    if (form) form.hidden = true;
  } else if (form && input) {
    const initial = new URLSearchParams(location.search).get('q') || '';
    input.value = initial;
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => search(input.value), 250);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
      search(input.value);
    });
    if (initial) search(initial);
  }
})();
