/**
 * The site's static files: nhsuk-frontend's CSS made fully offline, its icons and JS, mermaid's
 * classic build, and the site's own CSS and scripts (site/static). Everything goes under `static/`.
 * Every script is a classic script: Chromium blocks module scripts on pages opened from disk.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportData } from '@crr/core';
import { classicFromModule } from './classic-script.js';
import { printFooterCss } from './print-footer.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** site/static (the same from src/ under vitest and from dist/ when compiled). */
export const OWN_STATIC = resolve(here, '..', 'static');
export const TEMPLATES = resolve(here, '..', 'templates');

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

export interface OfflineCss {
  css: string;
  /** Files the CSS now refers to, relative to the CSS file, with where to copy them from. */
  files: { from: string; to: string }[];
}

/**
 * Makes nhsuk-frontend's CSS work offline, from disk and under any path prefix: drops every
 * `@font-face` rule (the fonts live on an NHS host; the system font stack takes over), writes
 * absolute `/assets/…` SVG icons into the CSS as `data:` URLs (they are CSS masks, which browsers
 * fetch with CORS, and a page opened from file:// may fetch nothing that way; CSP `img-src`
 * allows `data:`), points other `/assets/…` URLs at copies next to the CSS, and removes any
 * other URL that leaves the site.
 */
export function offlineCss(css: string, assetsRoot: string): OfflineCss {
  const files = new Map<string, string>();
  let out = css.replace(/@font-face\s*\{[^}]*\}/g, '');
  out = out.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (whole, _q: string, url: string) => {
    const u = url.trim();
    if (u.startsWith('data:')) return whole;
    if (u.startsWith('/assets/')) {
      const rel = u.slice(1).split(/[?#]/)[0]!;
      const from = resolve(assetsRoot, rel.slice('assets/'.length));
      if (!from.startsWith(resolve(assetsRoot) + sep) || !existsSync(from)) return 'none';
      if (from.endsWith('.svg')) return `url("data:image/svg+xml;base64,${readFileSync(from).toString('base64')}")`;
      files.set(rel, from);
      return `url(${rel})`;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('//') || u.startsWith('/')) return 'none';
    return whole;
  });
  out = out.replace(/\/\*#\s*sourceMappingURL=[^*]*\*\//g, '');
  return { css: out, files: [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([to, from]) => ({ from, to })) };
}

function stripSourceMap(js: string): string {
  return js.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/** Copies a folder's files (recursively), leaving out source maps. Returns the number of files. */
function copyTree(from: string, to: string, transform?: (name: string, text: string) => string): number {
  let n = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) n += copyTree(src, dst, transform);
    else if (entry.isFile() && !entry.name.endsWith('.map')) {
      if (transform && /\.(m?js|css)$/.test(entry.name)) writeFileSync(dst, transform(entry.name, readFileSync(src, 'utf8')));
      else copyFileSync(src, dst);
      n++;
    }
  }
  return n;
}

/**
 * Writes everything under `<outDir>/static/`. Returns the number of files written. With the
 * report's meta, also the printed pages' document-control footer (static/css/print-footer.css).
 */
export function writeStaticFiles(outDir: string, meta?: ReportData['meta']): number {
  const staticDir = join(outDir, 'static');
  let files = 0;

  // nhsuk-frontend: CSS (offline), the icons it uses, a favicon, the JS bundle.
  const nhsuk = join(packageDir('nhsuk-frontend'), 'dist', 'nhsuk');
  const nhsukOut = join(staticDir, 'nhsuk');
  mkdirSync(nhsukOut, { recursive: true });
  const { css, files: cssFiles } = offlineCss(readFileSync(join(nhsuk, 'nhsuk-frontend.min.css'), 'utf8'), join(nhsuk, 'assets'));
  writeFileSync(join(nhsukOut, 'nhsuk-frontend.min.css'), css);
  files++;
  const extra = ['assets/images/favicon.svg'];
  const copies = [...cssFiles, ...extra.filter((to) => !cssFiles.some((f) => f.to === to)).map((to) => ({ to, from: join(nhsuk, to) }))];
  for (const { from, to } of copies) {
    const dst = join(nhsukOut, ...to.split(posix.sep));
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(from, dst);
    files++;
  }
  // nhsuk-frontend ships its browser bundle as a module only: it becomes a classic script that
  // sets `NHSUKFrontend` (read by static/js/nhsuk-init.js).
  const nhsukJs = readFileSync(join(nhsuk, 'nhsuk-frontend.min.js'), 'utf8');
  writeFileSync(join(nhsukOut, 'nhsuk-frontend.min.js'), classicFromModule(nhsukJs, 'NHSUKFrontend', 'nhsuk-frontend.min.js'));
  files++;

  // mermaid: its classic build, one file that sets `mermaid` (its ESM chunks are not needed).
  const mermaid = join(packageDir('mermaid'), 'dist');
  const mermaidOut = join(staticDir, 'mermaid');
  mkdirSync(mermaidOut, { recursive: true });
  writeFileSync(join(mermaidOut, 'mermaid.min.js'), stripSourceMap(readFileSync(join(mermaid, 'mermaid.min.js'), 'utf8')));
  files++;

  // The site's own CSS and scripts.
  files += copyTree(OWN_STATIC, staticDir);
  if (meta) {
    writeFileSync(join(staticDir, 'css', 'print-footer.css'), printFooterCss(meta));
    files++;
  }
  return files;
}

/** Every file under a folder, as sorted paths relative to it (with `/`). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  if (existsSync(dir) && statSync(dir).isDirectory()) walk(dir);
  return out.sort();
}
