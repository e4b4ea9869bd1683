// The baseline: read every .yaml/.yml file of a register folder from disk and `yaml.load` it with
// js-yaml, nothing else. Prints { files, bytes, records } as JSON on stdout (records: the
// manifest plus every item of every top-level list).
//
//   node test/bench/bare-yaml.mjs <js-yaml module URL> <dir>
//
// The js-yaml module is passed in (resolved by the bench from packages/core's dependencies) so
// that the baseline uses the same copy of js-yaml as crr does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [moduleUrl, dir] = process.argv.slice(2);
if (!moduleUrl || !dir) {
  process.stderr.write('usage: node bare-yaml.mjs <js-yaml module URL> <dir>\n');
  process.exit(2);
}
const yaml = (await import(moduleUrl)).default;

const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((p) => /\.ya?ml$/i.test(p))
  .sort();
let bytes = 0;
let records = 0;
for (const path of paths) {
  const text = readFileSync(join(dir, path), 'utf8');
  bytes += Buffer.byteLength(text);
  const doc = yaml.load(text);
  if (doc && typeof doc === 'object')
    for (const [key, value] of Object.entries(doc)) records += key === 'register' ? 1 : Array.isArray(value) ? value.length : 0;
}
process.stdout.write(JSON.stringify({ files: paths.length, bytes, records }) + '\n');
