// Draws every <pre class="mermaid"> on the page with the site's own copy of mermaid.
// The diagram text was written by the site (labels sanitised to entity codes); mermaid runs in
// strict mode with plain SVG text labels, so nothing in a label can become markup.
// A classic script (run after mermaid's classic build, static/mermaid/mermaid.min.js, which sets
// the global `mermaid`; both deferred, so in order), so diagrams draw from file:// too.
(function () {
  'use strict';
  const mermaid = globalThis.mermaid;
  if (!mermaid) {
    console.warn('mermaid did not load; each diagram\'s table lists the same connections.');
    return;
  }

  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: false, wrappingWidth: 240 },
    maxEdges: 500,
    maxTextSize: 50000,
    theme: 'base',
    themeVariables: {
      fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
      fontSize: '14px',
      primaryColor: '#ffffff',
      primaryTextColor: '#212b32',
      primaryBorderColor: '#005eb8',
      lineColor: '#4c6272',
      edgeLabelBackground: '#ffffff',
      tertiaryColor: '#f0f4f5',
    },
  });

  const ENTITY = /&#(\d{1,7});/g;
  const decode = (text) =>
    text.replace(ENTITY, (whole, code) => {
      const n = Number(code);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    });

  /**
   * With plain SVG text labels, mermaid leaves the labels' entity codes (`&#40;`) as written, and
   * may wrap a long word in the middle of one. Put each line's words back together and turn the
   * codes into their characters, as text (textContent never parses markup).
   */
  function decodeLabels(svg) {
    for (const text of svg.querySelectorAll('text')) {
      const rows = [...text.children].filter((c) => c.tagName.toLowerCase() === 'tspan');
      if (!rows.length) {
        if (text.textContent.includes('&#')) text.textContent = decode(text.textContent);
        continue;
      }
      const lines = rows.map((r) => r.textContent);
      if (!lines.some((l) => l.includes('&') || l.includes('#'))) continue;
      // A code cut across two lines goes back together, on the first of them.
      for (let i = 0; i + 1 < lines.length; i++) {
        const tail = /&#?\d*$/.exec(lines[i]);
        const head = /^[#\d]*;/.exec(lines[i + 1]);
        if (tail && head && /^&#\d+;$/.test(tail[0] + head[0])) {
          lines[i] = lines[i].slice(0, tail.index) + tail[0] + head[0];
          lines[i + 1] = lines[i + 1].slice(head[0].length);
        }
      }
      rows.forEach((row, i) => {
        const decoded = decode(lines[i]);
        if (decoded === row.textContent) return;
        const words = [...row.querySelectorAll('tspan')];
        const target = words[0] ?? row;
        target.textContent = decoded;
        for (const extra of words.slice(1)) extra.remove();
      });
    }
    for (const el of svg.querySelectorAll('title, desc')) if (el.textContent.includes('&#')) el.textContent = decode(el.textContent);
  }

  // mermaid draws each diagram inside its <pre> (the stylesheet keeps the <pre> hidden until the
  // finished SVG replaces its text); each drawing's labels are decoded as soon as it is done.
  let zoom = 0;
  async function draw() {
    const targets = [...document.querySelectorAll('pre.mermaid')];
    try {
      await mermaid.run({
        nodes: targets,
        suppressErrors: true,
        postRenderCallback: (id) => {
          const svg = document.getElementById(id);
          if (svg) decodeLabels(svg);
        },
      });
    } catch (error) {
      console.warn('A diagram could not be drawn; its table lists the same connections.', error);
    }

    for (const pre of targets) {
      const svg = pre.querySelector(':scope > svg');
      if (!svg || svg.getAttribute('aria-roledescription') === 'error' || svg.querySelector('.error-icon')) {
        if (svg) svg.remove();
        const note = document.createElement('p');
        note.className = 'crr-note';
        note.textContent = 'The diagram could not be drawn. The table below lists the same connections.';
        pre.closest('.crr-diagram__canvas')?.after(note);
        continue;
      }
      decodeLabels(svg);
      addZoom(pre, svg);
    }
  }

  // A drawing wider than its box is first shown shrunk to fit; a button shows it at full size,
  // in a box that scrolls (and can then be scrolled from the keyboard).
  function addZoom(pre, svg) {
    const canvas = pre.closest('.crr-diagram__canvas');
    if (!canvas) return;
    const natural = Number.parseFloat(svg.getAttribute('width') || '0');
    if (!(natural > canvas.clientWidth)) return;
    canvas.classList.add('crr-diagram__canvas--fit');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small crr-diagram__zoom';
    button.id = `crr-zoom-${++zoom}`;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Show the diagram at full size';
    const caption = canvas.closest('figure')?.querySelector('figcaption');
    button.addEventListener('click', () => {
      const full = canvas.classList.toggle('crr-diagram__canvas--fit') === false;
      button.setAttribute('aria-pressed', String(full));
      button.textContent = full ? 'Fit the diagram to the page' : 'Show the diagram at full size';
      if (full) {
        canvas.setAttribute('tabindex', '0');
        canvas.setAttribute('role', 'region');
        canvas.setAttribute('aria-label', `${caption ? caption.textContent.trim() : 'Diagram'}, at full size (scrolls)`);
      } else {
        canvas.removeAttribute('tabindex');
        canvas.removeAttribute('role');
        canvas.removeAttribute('aria-label');
      }
    });
    canvas.before(button);
  }

  draw();
})();
