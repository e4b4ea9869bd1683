// The floor for the site build: plain Eleventy (the same copy crr's site uses) paginating N
// trivial pages through a one-line Handlebars template, nothing else. Prints { pages } as JSON.
//
//   node test/bench/eleventy-floor.mjs <pages> <out dir>
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [pagesText, out] = process.argv.slice(2);
const pages = Number(pagesText);
if (!Number.isInteger(pages) || pages < 1 || !out) {
  process.stderr.write('usage: node eleventy-floor.mjs <pages> <out dir>\n');
  process.exit(2);
}
// Eleventy and the Handlebars plugin from the site package, as the site build uses them (its ESM
// entries: `require.resolve` would pick the CommonJS wrapper).
const require = createRequire(fileURLToPath(new URL('../../site/package.json', import.meta.url)));
const eleventyDir = join(dirname(require.resolve('@11ty/eleventy')), '..');
const { Eleventy } = await import(pathToFileURL(join(eleventyDir, 'src/Eleventy.js')).href);
const handlebars = (await import(pathToFileURL(require.resolve('@11ty/eleventy-plugin-handlebars')).href)).default;

const input = mkdtempSync(join(tmpdir(), 'crr-floor-'));
mkdirSync(input, { recursive: true });
writeFileSync(
  join(input, 'page.hbs'),
  '---\npagination:\n  data: items\n  size: 1\n  alias: item\npermalink: "p/{{item.id}}/index.html"\n---\n<!doctype html><title>{{item.name}}</title><p>{{item.name}}</p>\n',
);
const items = Array.from({ length: pages }, (_, i) => ({ id: `item-${i}`, name: `Item ${i}` }));
const eleventy = new Eleventy(input, out, {
  quietMode: true,
  config(config) {
    config.addPlugin(handlebars);
    config.addGlobalData('items', items);
  },
});
await eleventy.write();
rmSync(input, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ pages }) + '\n');
