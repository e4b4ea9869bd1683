// Where `crr validate` spends its time, stage by stage, in one fresh process, on the compiled
// core (packages/core/dist, what the CLI runs):
//
//   node test/bench/stages.mjs <register dir> [--as-of 2026-11-21] [--core <dist folder>]
//
// --core points at another build of packages/core/dist (say, a patched copy whose node_modules
// link to the real ones) to compare a proposed change with the current code.
// It replays validateFolder's pipeline with a clock (and the garbage collector's time, from
// `gc` performance entries) around each stage: importing @crr/core, readRegisterFolder, then
// loadRegister's parts (loadYaml per file, parseRecords per file, resolve), then each rule of
// runRules. CPU time (user + system, all threads, GC helpers included) is shown beside wall
// time because it is far less disturbed by other work on the machine. Comparison parses of the same texts come last, so they do not disturb the rest.
// It imports internal modules of the core by path: if those move, update the imports here.
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';

const processStart = 0; // performance.now() counts from the process's time origin
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const asOf = option('--as-of') ?? '2026-11-21';
if (!dir) {
  process.stderr.write('usage: node test/bench/stages.mjs <register dir> [--as-of YYYY-MM-DD] [--core <dist folder>]\n');
  process.exit(2);
}

const gcs = [];
const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
observer.observe({ entryTypes: ['gc'] });

const rows = [];
let last = processStart;
let lastCpu = { user: 0, system: 0 };
const cpuMs = (a, b) => (b.user - a.user + b.system - a.system) / 1000;
/** Close a stage that ran from the previous mark until now. */
function mark(label, extra = '') {
  const now = performance.now();
  const cpu = process.cpuUsage();
  rows.push({ label, from: last, to: now, cpu: cpuMs(lastCpu, cpu), extra, heap: process.memoryUsage().heapUsed });
  last = now;
  lastCpu = cpu;
}
mark('node start-up, until this script runs');

const core = option('--core') ? pathToFileURL(option('--core').replace(/\/?$/, '/')) : new URL('../../packages/core/dist/', import.meta.url);
const { readRegisterFolder, runRules, rules } = await import(new URL('index.js', core).href);
const { loadYaml } = await import(new URL('load/load-yaml.js', core).href);
const { emptyRecords, parseRecords } = await import(new URL('load/parse-records.js', core).href);
const { resolve } = await import(new URL('load/resolve.js', core).href);
mark('import @crr/core (modules, zod schemas)');

const read = await readRegisterFolder(dir);
const bytes = read.files.reduce((n, f) => n + f.bytes.length, 0);
mark('readRegisterFolder', `${read.files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB`);

// loadRegister, taken apart (same order of work; its few remaining lines are negligible).
const sorted = [...read.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
const loads = [];
for (const file of sorted) loads.push(loadYaml(file));
mark('  loadYaml: decode, js-yaml with position listener, alias and reserved-key walks');

const records = emptyRecords();
const sources = new Map();
let parseDiagnostics = 0;
for (const [i, l] of loads.entries()) {
  if (l.source) sources.set(sorted[i].path, l.source);
  if (l.loaded) parseDiagnostics += parseRecords(l.loaded, records).length;
}
mark('  parseRecords: zod safeParse of every record', `${parseDiagnostics} diagnostics`);

const register = resolve(records, sources, sorted.map((f) => f.path));
mark('  resolve: index ids, expand sites from profiles, routes', `${register.assets.length} assets, ${register.routes.length} routes`);

let findings = 0;
const ruleRows = [];
for (const rule of rules) {
  const t = performance.now();
  const c = process.cpuUsage();
  findings += runRules(register, { asOf, rules: [rule] }).length;
  ruleRows.push({ label: `    ${rule.name}`, from: t, to: performance.now(), cpu: cpuMs(c, process.cpuUsage()), extra: '', heap: process.memoryUsage().heapUsed });
}
mark('  runRules: all rules', `${findings} findings`);
const pipelineEnd = last;
const pipelineCpu = cpuMs({ user: 0, system: 0 }, lastCpu);

// Comparisons, after the pipeline: the same texts through js-yaml alone.
const require = createRequire(fileURLToPath(new URL('package.json', new URL('../', core))));
const pkgPath = require.resolve('js-yaml/package.json');
const yaml = (await import(pathToFileURL(join(dirname(pkgPath), JSON.parse(readFileSync(pkgPath, 'utf8')).exports['.'].import)).href)).default;
const texts = sorted.map((f) => new TextDecoder().decode(f.bytes));
const { merge } = yaml.types;
const coreSchema = yaml.CORE_SCHEMA.extend({ implicit: [merge] });
last = performance.now();
lastCpu = process.cpuUsage();
for (const t of texts) yaml.load(t, { schema: coreSchema });
mark('(compare, js-yaml now warm) js-yaml load, crr\'s schema, no listener');
for (const t of texts) yaml.load(t);
mark('(compare, warm) js-yaml load, default schema (the bench baseline)');
let opens = 0;
for (const t of texts) yaml.load(t, { schema: coreSchema, listener: (e) => e === 'open' && opens++ });
mark('(compare, warm) js-yaml load, crr\'s schema, counting listener only');

await new Promise((r) => setTimeout(r, 10));
observer.disconnect();
const gcIn = (from, to) => gcs.filter((g) => g.startTime >= from && g.startTime < to).reduce((n, g) => n + g.duration, 0);

const fmt = (r) =>
  `${r.label.padEnd(82)} ${(r.to - r.from).toFixed(0).padStart(6)} ms  ${r.cpu.toFixed(0).padStart(6)} ms CPU  ${gcIn(r.from, r.to).toFixed(0).padStart(5)} ms GC  ${(r.heap / 1024 / 1024).toFixed(0).padStart(4)} MB heap  ${r.extra}`;
const out = [];
out.push(`stage${' '.repeat(78)}    wall         CPU   of wall, GC   heap after`);
for (const r of rows) {
  out.push(fmt(r));
  if (r.label.startsWith('  runRules'))
    for (const rr of [...ruleRows].sort((a, b) => b.to - b.from - (a.to - a.from)).filter((x) => x.to - x.from >= 1)) out.push(fmt(rr));
}
out.push(
  `${'validate pipeline, process start to end of rules'.padEnd(82)} ${(pipelineEnd - processStart).toFixed(0).padStart(6)} ms  ${pipelineCpu.toFixed(0).padStart(6)} ms CPU  ${gcIn(0, pipelineEnd).toFixed(0).padStart(5)} ms GC`,
);
out.push(`(rules under 1 ms not shown; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
process.stdout.write(out.join('\n') + '\n');
