// The what-if page's evaluation, as the browser runs it: the committed engine bundle
// (site/static/js/what-if-engine.js) in a bare V8 context (no require, no process), on the
// register's compact graph as the page's data.js holds it. Loading and validating the register
// is not timed. Prints { dataBytes, parseMs, loadMs, evaluations, medianMs, maxMs } on stdout.
//
//   node test/bench/what-if-engine.mjs <register dir> <as-of> <asset to fail>
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

const [dir, asOf, asset] = process.argv.slice(2);
if (!dir || !asOf || !asset) {
  process.stderr.write('usage: node what-if-engine.mjs <register dir> <as-of> <asset to fail>\n');
  process.exit(2);
}
const core = await import(fileURLToPath(new URL('../../packages/core/dist/index.js', import.meta.url)));
const bundle = readFileSync(fileURLToPath(new URL('../../site/static/js/what-if-engine.js', import.meta.url)), 'utf8');
const { register } = await core.validateFolder(dir, { asOf });
const text = `window.crrWhatIfData=${JSON.stringify(core.compactGraph(register))};\n`;

const sandbox = { window: {} };
sandbox.globalThis = sandbox;
runInNewContext(bundle, sandbox);
let t = performance.now();
runInNewContext(text, sandbox);
const parseMs = performance.now() - t;
const data = sandbox.window.crrWhatIfData;
const engine = sandbox.crrWhatIf;
t = performance.now();
const e = engine.load(data);
const loadMs = performance.now() - t;

// The asset the CLI's what-if measurement fails, a software train, a carrier, an ICB, then assets
// picked by a fixed LCG: a spread of small and large failures.
const specs = [[{ asset }]];
const first = (key) => data.assets.find((a) => typeof a[key] === 'string')?.[key];
for (const key of ['software', 'carrier', 'location']) {
  const v = first(key);
  if (v) specs.push([{ selector: { [key]: v }, text: `${key}=${v}` }]);
}
if (data.places.length) specs.push([{ selector: { icb: data.places[0].id }, text: `icb=${data.places[0].id}` }]);
let seed = 15;
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
for (let i = 0; i < 15; i++) specs.push([{ asset: data.assets[Math.floor(next() * data.assets.length)].id }]);

const times = [];
let cut = 0;
for (const s of specs) {
  t = performance.now();
  const r = engine.whatIf(e, s);
  times.push(performance.now() - t);
  if (process.env.CRR_BENCH_DEBUG) process.stderr.write(`${s.map((p) => p.asset ?? p.text).join(" ")}: ${(performance.now() - t).toFixed(1)} ms, ${r.reach.pairs} cut\n`);
  cut += r.reach.pairs;
}
times.sort((a, b) => a - b);
const medianMs = times.length % 2 ? times[times.length >> 1] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
process.stdout.write(JSON.stringify({ dataBytes: Buffer.byteLength(text), parseMs, loadMs, evaluations: specs.length, medianMs, maxMs: times[times.length - 1], cut }) + '\n');
