/**
 * `pnpm bench`: how crr scales with the number of practices.
 *
 * For each size, generate a register into a temporary folder outside the repository, then run
 * each named measurement several times, each run in a fresh Node process under `wrap.mjs`
 * (wall time and peak RSS of that process alone), and report medians. The bench reports; it does
 * not assert, except that `crr validate` must find no errors in a generated register.
 *
 *   pnpm bench [-- --sizes 200,1600,6500,national] [--repeats 3] [--keep] [--stages auto|always|never]
 *
 * `national`: every active GP practice in England, from ../shared/data/ods-england, per ICB
 * (test/generate/national.ts), with the issue 11 aims as ratios measured in the same run.
 *
 * --stages: after the table, run test/bench/stages.mjs on the largest register to show where
 * validate's time goes (auto: only when an aim is missed).
 *
 * To add a section (analysis, site build): add a Measurement to `measurements` (and a Ratio or
 * an Aim if it has a target). The table grows a column pair per measurement.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AS_OF, generateRegister, writeRegister } from '../generate/generate-register.js';
import { generateNational } from '../generate/national.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// ---------------------------------------------------------------------------------------------
// What is measured.

/** One generated register, as the measurements see it. */
interface Case {
  /** `200`, `1600`, … or `national`. */
  size: string;
  practices: number;
  /** The concentrator `crr what-if` fails. */
  whatIf: string;
  /** The hazards file a diff's head revision changes. */
  hazardsFile: string;
  dir: string;
  files: number;
  bytes: number;
  /** Pages the site build wrote (learnt from its first run; the Eleventy floor writes as many). */
  pages?: number;
  /** A scratch folder for this case's outputs. */
  scratch: string;
  /** A git repository holding the register at two revisions, made on first use (for `crr diff`). */
  diffRepo?: string;
}

/**
 * A repository with the generated register committed, then changed the way a pull request would
 * change it: one hazard reassessed, one site given its own concentrator binding. Set up outside
 * the timed run.
 */
function diffRepo(c: Case): string {
  if (c.diffRepo) return c.diffRepo;
  const repo = join(c.scratch, 'repo');
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@crr.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@crr.invalid' };
  const git = (...args: string[]) => spawnSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: repo, env, encoding: 'utf8' });
  cpSync(c.dir, join(repo, 'register'), { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const hazards = join(repo, 'register', c.hazardsFile);
  writeFileSync(hazards, readFileSync(hazards, 'utf8').replace('likelihood: low }', 'likelihood: medium }'));
  git('commit', '-q', '-a', '-m', 'head');
  return (c.diffRepo = repo);
}

/** One run of one measurement: what the wrapper recorded, plus what the check extracted. */
interface Run {
  wallMs: number;
  scriptMs: number;
  cpuMs: number;
  maxRssMB: number;
  exitCode: number;
  facts: Record<string, number>;
}

interface Measurement {
  id: string;
  /** Column heading. */
  label: string;
  /** Sizes it runs at (default: all). */
  only?: (c: Case) => boolean;
  /** The script to run in a fresh process (under the wrapper), with its arguments. */
  command(c: Case): { script: string; args: string[] };
  /** Check one run's output; throw to fail the bench. May return facts for the table (records…). */
  check(stdout: string, run: Omit<Run, 'facts'>, c: Case): Record<string, number>;
}

/** Where js-yaml is for crr's core: the same copy, ESM entry, as `@crr/core` imports it. */
function jsYamlModuleUrl(): string {
  const require = createRequire(join(root, 'packages/core/package.json'));
  const pkgPath = require.resolve('js-yaml/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: { '.'?: { import?: string } }; module?: string };
  const entry = pkg.exports?.['.']?.import ?? pkg.module;
  if (!entry) throw new Error(`cannot find the ESM entry of js-yaml in ${pkgPath}`);
  return pathToFileURL(join(dirname(pkgPath), entry)).href;
}

/** The concentrator `crr what-if` fails in a synthetic register: the preferred side of its first pair. */
const WHAT_IF_FAILS = 'vpn-01b';
const isNational = (c: Case) => c.size === 'national';

interface ValidationJson {
  summary: { errors: number; warnings: number; files: number };
  diagnostics: { code: string; file: string | null; line: number | null; message: string }[];
}

const measurements: Measurement[] = [
  {
    id: 'validate',
    label: 'validate',
    command: (c) => ({ script: join(root, 'packages/cli/bin/crr.js'), args: ['validate', c.dir, '--as-of', AS_OF, '--format', 'json'] }),
    check(stdout, run, c) {
      let json: ValidationJson;
      try {
        json = JSON.parse(stdout) as ValidationJson;
      } catch {
        throw new Error(`crr validate (${c.practices} practices) did not print JSON (exit ${run.exitCode}):\n${stdout.slice(0, 2000)}`);
      }
      if (json.summary.errors > 0) {
        const shown = json.diagnostics.slice(0, 10).map((d) => `  ${d.file}:${d.line} ${d.code} ${d.message}`);
        throw new Error(`crr validate found ${json.summary.errors} errors in the generated register of ${c.practices} practices:\n${shown.join('\n')}`);
      }
      if (json.summary.files !== c.files) throw new Error(`crr validate read ${json.summary.files} files, the generator wrote ${c.files}`);
      return { errors: json.summary.errors, warnings: json.summary.warnings };
    },
  },
  {
    id: 'analyse',
    label: 'crr analyse',
    command: (c) => ({ script: join(root, 'packages/cli/bin/crr.js'), args: ['analyse', c.dir, '--as-of', AS_OF, '--format', 'json'] }),
    check(stdout, run, c) {
      const json = JSON.parse(stdout) as { summary?: { findings: Record<string, number> }; analysis?: null };
      if (run.exitCode !== 0 || !json.summary) throw new Error(`crr analyse (${c.practices} practices) failed with exit ${run.exitCode}`);
      return { findings: Object.values(json.summary.findings).reduce((a, b) => a + b, 0) };
    },
  },
  {
    id: 'analysis',
    label: 'analysis phase',
    command: (c) => ({ script: here('./analyse.mjs'), args: [c.dir, AS_OF] }),
    check(stdout, run, c) {
      const out = JSON.parse(stdout) as { errors: number; assets: number; routes: number; findings: number; analyseMs: number };
      if (run.exitCode !== 0 || out.errors) throw new Error(`the analysis of ${c.practices} practices failed (exit ${run.exitCode}, ${out.errors} errors)`);
      return { analyseMs: out.analyseMs, assets: out.assets, routes: out.routes, findings: out.findings };
    },
  },
  {
    id: 'site',
    label: 'crr build',
    only: (c) => c.practices <= 6500,
    command: (c) => ({ script: join(root, 'packages/cli/bin/crr.js'), args: ['build', c.dir, '--out', join(c.scratch, 'site'), '--as-of', AS_OF] }),
    check(stdout, run, c) {
      const m = /Built ([\d,]+) pages/.exec(stdout);
      if (run.exitCode !== 0 || !m) throw new Error(`crr build (${c.practices} practices) failed with exit ${run.exitCode}:\n${stdout.slice(0, 2000)}`);
      c.pages = Number(m[1]!.replace(/,/g, ''));
      // The page budget (issue 12): output size and the largest page, measured outside the timed run.
      const out = outputSize(join(c.scratch, 'site'));
      return { pages: c.pages, outputMB: out.bytes / 1024 / 1024, largestPageKB: out.largestPage / 1024 };
    },
  },
  {
    id: 'floor',
    label: 'plain Eleventy',
    only: (c) => c.practices <= 6500,
    command: (c) => {
      if (!c.pages) throw new Error('the Eleventy floor needs the page count of a crr build run first');
      return { script: here('./eleventy-floor.mjs'), args: [String(c.pages), join(c.scratch, 'floor')] };
    },
    check(stdout, run, c) {
      const out = JSON.parse(stdout.trim().split('\n').pop()!) as { pages: number };
      if (run.exitCode !== 0 || out.pages !== c.pages) throw new Error(`the Eleventy floor failed at ${c.practices} practices`);
      return { pages: out.pages };
    },
  },
  {
    id: 'diff',
    label: 'crr diff',
    only: (c) => c.size === '1600' || isNational(c),
    command: (c) => ({ script: join(root, 'packages/cli/bin/crr.js'), args: ['diff', 'HEAD~1', 'HEAD', join(diffRepo(c), 'register'), '--as-of', AS_OF, '--format', 'json'] }),
    check(stdout, run, c) {
      const out = JSON.parse(stdout) as { hazards?: { changed: unknown[] } };
      if (run.exitCode > 1 || !out.hazards) throw new Error(`crr diff (${c.practices} practices) failed with exit ${run.exitCode}:\n${stdout.slice(0, 1000)}`);
      return { changed: out.hazards.changed.length };
    },
  },
  {
    // What a failure does, with capacity: the survivor's load, the degraded and cut sites. Pair
    // 01 exists at every size; its B side is preferred, so failing it moves its sites to 01A.
    id: 'what-if',
    label: 'crr what-if',
    command: (c) => ({ script: join(root, 'packages/cli/bin/crr.js'), args: ['what-if', c.dir, '--fail', c.whatIf, '--as-of', AS_OF, '--format', 'json'] }),
    check(stdout, run, c) {
      let out: { failed?: { assets: string[] }[]; overloaded?: unknown[]; degradedReach?: { pairs: number }; reach?: { pairs: number } };
      try {
        out = JSON.parse(stdout) as typeof out;
      } catch {
        throw new Error(`crr what-if (${c.practices} practices) did not print JSON (exit ${run.exitCode}):\n${stdout.slice(0, 2000)}`);
      }
      if (run.exitCode !== 0 || !Array.isArray(out.overloaded) || !out.degradedReach || !out.reach)
        throw new Error(`crr what-if (${c.practices} practices) failed with exit ${run.exitCode}, or its JSON has no \`overloaded\`/\`degradedReach\`:\n${stdout.slice(0, 1000)}`);
      if (out.failed?.[0]?.assets.join() !== c.whatIf) throw new Error(`crr what-if (${c.practices} practices) did not fail ${c.whatIf}`);
      return { cut: out.reach.pairs, degraded: out.degradedReach.pairs, overloaded: out.overloaded.length };
    },
  },
  {
    // The what-if page (issue 15): core's evaluation as bundled for the browser, run in a bare V8
    // context on the page's data; the process's wall time is not the figure, its facts are.
    id: 'page-what-if',
    label: 'what-if page',
    command: (c) => ({ script: here('./what-if-engine.mjs'), args: [c.dir, AS_OF, c.whatIf] }),
    check(stdout, run, c) {
      const out = JSON.parse(stdout) as { dataBytes: number; parseMs: number; loadMs: number; evaluations: number; medianMs: number; maxMs: number };
      if (run.exitCode !== 0) throw new Error(`the what-if page's evaluation (${c.practices} practices) failed with exit ${run.exitCode}`);
      return { dataMB: out.dataBytes / 1024 / 1024, pageParseMs: out.parseMs, pageLoadMs: out.loadMs, pageEvaluations: out.evaluations, pageMedianMs: out.medianMs, pageMaxMs: out.maxMs };
    },
  },
  {
    id: 'bare',
    label: 'bare js-yaml',
    command: (c) => ({ script: here('./bare-yaml.mjs'), args: [jsYamlModuleUrl(), c.dir] }),
    check(stdout, run, c) {
      const out = JSON.parse(stdout) as { files: number; bytes: number; records: number };
      if (run.exitCode !== 0 || out.files !== c.files) throw new Error(`bare js-yaml load failed or read ${out.files} of ${c.files} files`);
      return { records: out.records };
    },
  },
];

/** Ratios of wall time shown as columns: numerator / denominator. */
interface Ratio {
  label: string;
  numerator: string;
  denominator: string;
}
const ratios: Ratio[] = [
  { label: 'validate / bare', numerator: 'validate', denominator: 'bare' },
  { label: 'build / Eleventy', numerator: 'site', denominator: 'floor' },
  { label: 'what-if / validate', numerator: 'what-if', denominator: 'validate' },
  { label: 'analyse / validate', numerator: 'analyse', denominator: 'validate' },
  { label: 'diff / analyse', numerator: 'diff', denominator: 'analyse' },
];

/** Targets from the issue: reported as met or not, never asserted. */
interface Aim {
  label: string;
  /** The size it is judged at: `6500`, `national`. */
  size: string;
  /** `all`: every size's results, for aims that compare sizes. */
  met(results: Map<string, Summary>, all: Map<string, Map<string, Summary>>): { met: boolean; detail: string };
}

/** Median time of the analysis phase alone (`analyse()` after loading), from the runs' facts. */
const analysisMs = (s: Summary) => median(s.runs.map((r) => r.facts.analyseMs!));
const perAssetUs = (s: Summary) => (1000 * analysisMs(s)) / s.facts.assets!;
const aims: Aim[] = [
  {
    label: 'validate within 2× of a bare js-yaml load at 6,500 practices',
    size: '6500',
    met: (r) => {
      const ratio = r.get('validate')!.wallMs / r.get('bare')!.wallMs;
      return { met: ratio <= 2, detail: `${ratio.toFixed(2)}×` };
    },
  },
  {
    label: 'the whole analysis under 2 s at 6,500 practices',
    size: '6500',
    met: (r) => {
      const ms = analysisMs(r.get('analysis')!);
      return { met: ms < 2000, detail: `${Math.round(ms).toLocaleString('en-GB')} ms for ${r.get('analysis')!.facts.assets!.toLocaleString('en-GB')} assets, ${r.get('analysis')!.facts.routes!.toLocaleString('en-GB')} routes` };
    },
  },
  {
    label: 'analysis time per asset at 6,500 practices within 1.5× of that at 200',
    size: '6500',
    met: (r, all) => {
      const small = all.get('200')?.get('analysis');
      if (!small) return { met: false, detail: 'not measured at 200 practices' };
      const ratio = perAssetUs(r.get('analysis')!) / perAssetUs(small);
      return { met: ratio <= 1.5, detail: `${perAssetUs(r.get('analysis')!).toFixed(1)} µs against ${perAssetUs(small).toFixed(1)} µs per asset: ${ratio.toFixed(2)}×` };
    },
  },
  ...[200, 1600].map((practices) => ({
    label: `crr build within 2× of plain Eleventy writing as many pages, at ${practices.toLocaleString('en-GB')} practices`,
    size: String(practices),
    met: (r: Map<string, Summary>) => {
      const ratio = r.get('site')!.wallMs / r.get('floor')!.wallMs;
      return { met: ratio <= 2, detail: `${Math.round(r.get('site')!.wallMs).toLocaleString('en-GB')} ms against ${Math.round(r.get('floor')!.wallMs).toLocaleString('en-GB')} ms for ${r.get('site')!.facts.pages!.toLocaleString('en-GB')} pages: ${ratio.toFixed(2)}×` };
    },
  })),
  ...siteBudgetAims(),
  {
    label: 'crr diff under 5 s at 1,600 practices',
    size: '1600',
    met: (r) => ({ met: r.get('diff')!.wallMs < 5000, detail: `${Math.round(r.get('diff')!.wallMs).toLocaleString('en-GB')} ms (two revisions read from git, validated, analysed and compared)` }),
  },
  {
    // what-if loads and validates as validate does, then evaluates one failure: the evaluation
    // (access, capacity, new failure points) must cost less than half of the load.
    label: 'crr what-if within 1.5× of validate in the same run, at 6,500 practices',
    size: '6500',
    met: (r) => {
      const w = r.get('what-if')!;
      const ratio = w.wallMs / r.get('validate')!.wallMs;
      return { met: ratio <= 1.5, detail: `${Math.round(w.wallMs).toLocaleString('en-GB')} ms against ${Math.round(r.get('validate')!.wallMs).toLocaleString('en-GB')} ms: ${ratio.toFixed(2)}× (fails ${WHAT_IF_FAILS}: ${w.facts.degraded!.toLocaleString('en-GB')} pairs degraded, ${w.facts.cut} cut, ${w.facts.overloaded} overloaded)` };
    },
  },
  {
    label: 'the what-if page evaluates a failure within 200 ms at 6,500 practices (median of its failures; the slowest shown)',
    size: '6500',
    met: (r) => {
      const f = r.get('page-what-if')!.facts;
      const med = median(r.get('page-what-if')!.runs.map((x) => x.facts.pageMedianMs!));
      const max = median(r.get('page-what-if')!.runs.map((x) => x.facts.pageMaxMs!));
      return { met: med < 200, detail: `${med.toFixed(1)} ms median, ${Math.round(max)} ms the slowest of ${f.pageEvaluations} failures; data ${f.dataMB!.toFixed(2)} MB, parsed in ${Math.round(f.pageParseMs!)} ms, graph and baseline built in ${Math.round(f.pageLoadMs!)} ms` };
    },
  },
  ...nationalAims(),
  {
    label: 'validate peak memory under 1 GB at 6,500 practices',
    size: '6500',
    met: (r) => {
      const mb = r.get('validate')!.maxRssMB;
      return { met: mb < 1024, detail: `${mb.toFixed(0)} MB` };
    },
  },
];

/** Bytes under a folder, and the largest HTML page in it. */
function outputSize(dir: string): { bytes: number; largestPage: number } {
  let bytes = 0;
  let largestPage = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    bytes += size;
    if (entry.name.endsWith('.html')) largestPage = Math.max(largestPage, size);
  }
  return { bytes, largestPage };
}

/**
 * Issue 12's page budget: the build's time, memory and output at 6,500 practices, and no page
 * over 1 MB at national size. The largest page at 6,500 is shown too: the synthetic register
 * repeats each hazard for every PCN (about 650 hazards), so its hazard log and safety case are
 * the largest pages; the national register's hazards are as an ICB would keep them.
 */
function siteBudgetAims(): Aim[] {
  const size = '6500';
  const at = 'at 6,500 practices';
  const largest = (r: Map<string, Summary>) => ({ met: r.get('site')!.facts.largestPageKB! < 1024, detail: `largest ${r.get('site')!.facts.largestPageKB!.toFixed(0)} kB of ${r.get('site')!.facts.pages!.toLocaleString('en-GB')} pages` });
  return [
    {
      label: `crr build within 3× of plain Eleventy writing as many pages, ${at}`,
      size,
      met: (r) => {
        const ratio = r.get('site')!.wallMs / r.get('floor')!.wallMs;
        return { met: ratio <= 3, detail: `${Math.round(r.get('site')!.wallMs).toLocaleString('en-GB')} ms against ${Math.round(r.get('floor')!.wallMs).toLocaleString('en-GB')} ms for ${r.get('site')!.facts.pages!.toLocaleString('en-GB')} pages: ${ratio.toFixed(2)}×` };
      },
    },
    { label: `crr build peak memory under 1 GB, ${at}`, size, met: (r) => ({ met: r.get('site')!.maxRssMB < 1024, detail: `${r.get('site')!.maxRssMB.toFixed(0)} MB` }) },
    { label: `site output under 300 MB, ${at}`, size, met: (r) => ({ met: r.get('site')!.facts.outputMB! < 300, detail: `${r.get('site')!.facts.outputMB!.toFixed(1)} MB in ${r.get('site')!.facts.pages!.toLocaleString('en-GB')} pages` }) },
    { label: `no HTML page over 1 MB, national register`, size: 'national', met: largest },
    { label: `no HTML page over 1 MB, ${at} (synthetic: about 650 hazards)`, size, met: largest },
  ];
}

/**
 * Issue 11's aims on the national register, each a ratio of two measurements in the same run
 * (wall time; the CPU ratio beside it is less disturbed by other work on the machine).
 */
function nationalAims(): Aim[] {
  const ratio = (label: string, numerator: string, denominator: string, limit: number, extra = (_: Summary) => ''): Aim => ({
    label: `${label} within ${limit}× of ${denominator === 'bare' ? 'a bare js-yaml load of the same files' : denominator === 'analyse' ? 'crr analyse' : 'validate'}, national register`,
    size: 'national',
    met: (r) => {
      const n = r.get(numerator)!;
      const d = r.get(denominator)!;
      const wall = n.wallMs / d.wallMs;
      const ms = (x: number) => `${Math.round(x).toLocaleString('en-GB')} ms`;
      return { met: wall <= limit, detail: `${ms(n.wallMs)} against ${ms(d.wallMs)}: ${wall.toFixed(2)}× wall, ${(n.cpuMs / d.cpuMs).toFixed(2)}× CPU${extra(n)}` };
    },
  });
  return [
    ratio('validate', 'validate', 'bare', 2),
    ratio('crr analyse --format json', 'analyse', 'validate', 2),
    ratio('crr what-if (one concentrator of one ICB)', 'what-if', 'validate', 1.5, (w) => ` (${w.facts.degraded} pairs degraded, ${w.facts.cut} cut, ${w.facts.overloaded} overloaded)`),
    ratio('crr diff (one hazard reassessed)', 'diff', 'analyse', 2.2),
    {
      label: 'peak memory under 500 MB (validate, analyse, what-if, diff), national register',
      size: 'national',
      met: (r) => {
        const peaks = ['validate', 'analyse', 'what-if', 'diff'].filter((id) => r.has(id)).map((id) => [id, r.get(id)!.maxRssMB] as const);
        const worst = Math.max(...peaks.map(([, mb]) => mb));
        return { met: worst < 500, detail: peaks.map(([id, mb]) => `${id} ${mb.toFixed(0)} MB`).join(', ') };
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Running.

interface Summary {
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
  runs: Run[];
  facts: Record<string, number>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function runOnce(m: Measurement, c: Case, scratch: string, i: number): Run {
  const resultFile = join(scratch, `${m.id}-${c.practices}-${i}.json`);
  const { script, args } = m.command(c);
  const child = spawnSync(process.execPath, [here('./wrap.mjs'), resultFile, script, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  let recorded: Omit<Run, 'facts'>;
  try {
    recorded = JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<Run, 'facts'>;
  } catch {
    throw new Error(`${m.label} (${c.practices} practices) recorded no measurement; exit ${child.status}, signal ${child.signal}\n${child.stderr}`);
  }
  const facts = m.check(child.stdout, recorded, c);
  return { ...recorded, facts };
}

function main(): number {
  // `pnpm bench -- --sizes …` passes the `--` through; drop it.
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      sizes: { type: 'string', default: '200,1600,6500,national' },
      repeats: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
      stages: { type: 'string', default: 'auto' },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map((s) => (s.trim() === 'national' ? 'national' : String(Number(s.trim().replace(/_/g, '')))));
  const repeats = Number(values.repeats);
  if (sizes.some((n) => n !== 'national' && (!Number.isInteger(Number(n)) || Number(n) < 1)) || !Number.isInteger(repeats) || repeats < 1 || !['auto', 'always', 'never'].includes(values.stages)) {
    console.error('usage: pnpm bench [-- --sizes 200,1600,6500,national] [--repeats 3] [--keep] [--stages auto|always|never]');
    return 2;
  }

  const scratch = mkdtempSync(join(tmpdir(), 'crr-bench-'));
  const started = performance.now();
  console.log(`crr bench: sizes ${sizes.join(', ')}${sizes.includes('national') ? ' (national: every active GP practice in England, from ../shared/data/ods-england)' : ' practices'}; ${repeats} runs of each measurement, each in a fresh Node ${process.version} process; medians.`);
  console.log(`Registers generated (seed 1) under ${scratch}; validated --as-of ${AS_OF}.`);
  const load = loadavg()[0]!;
  console.log(`Machine: ${cpus().length} CPUs, load average ${load.toFixed(2)}${load > 0.5 ? ' (other work is running: wall times will be noisy; see the CPU table)' : ''}.\n`);

  const rows: { c: Case; results: Map<string, Summary> }[] = [];
  try {
    for (const size of sizes) {
      const dir = join(scratch, `register-${size}`);
      const t = performance.now();
      const national = size === 'national' ? generateNational({ seed: 1 }) : undefined;
      const files = national?.files ?? generateRegister({ practices: Number(size), seed: 1 });
      const practices = national?.practices ?? Number(size);
      writeRegister(dir, files);
      const c: Case = {
        size,
        practices,
        whatIf: national?.whatIfAsset ?? WHAT_IF_FAILS,
        hazardsFile: national?.hazardsFile ?? 'hazards.yaml',
        scratch: mkdtempSync(join(scratch, `out-${size}-`)),
        dir,
        files: Object.keys(files).length,
        bytes: Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0),
      };
      process.stdout.write(`  ${national ? `national, ${practices} practices in ${national.icbs.length} ICBs` : `${practices} practices`}: generated in ${Math.round(performance.now() - t)} ms; measuring`);
      const atThisSize = measurements.filter((m) => !m.only || m.only(c));
      const runs = new Map<string, Run[]>(atThisSize.map((m) => [m.id, []]));
      // Interleave the measurements, so that a slow spell of the machine hits them alike.
      for (let i = 0; i < repeats; i++) {
        for (const m of atThisSize) {
          runs.get(m.id)!.push(runOnce(m, c, scratch, i));
          process.stdout.write('.');
        }
      }
      process.stdout.write('\n');
      const results = new Map<string, Summary>();
      for (const m of atThisSize) {
        const rs = runs.get(m.id)!;
        results.set(m.id, {
          wallMs: median(rs.map((r) => r.wallMs)),
          cpuMs: median(rs.map((r) => r.cpuMs)),
          maxRssMB: median(rs.map((r) => r.maxRssMB)),
          runs: rs,
          facts: rs[0]!.facts,
        });
      }
      rows.push({ c, results });
    }
  } catch (e) {
    if (!values.keep) rmSync(scratch, { recursive: true, force: true });
    throw e;
  }

  // --- The table.
  const headers = ['practices', 'files', 'total MB', 'records', ...measurements.flatMap((m) => [`${m.label} ms`, `${m.label} peak MB`]), ...ratios.map((r) => r.label)];
  const sizeLabel = (c: Case) => (isNational(c) ? `national (${c.practices.toLocaleString('en-GB')})` : c.practices.toLocaleString('en-GB'));
  const table = rows.map(({ c, results }) => [
    sizeLabel(c),
    String(c.files),
    (c.bytes / 1024 / 1024).toFixed(2),
    (results.get('bare')?.facts.records ?? NaN).toLocaleString('en-GB'),
    ...measurements.flatMap((m) => {
      const s = results.get(m.id);
      return s ? [Math.round(s.wallMs).toLocaleString('en-GB'), s.maxRssMB.toFixed(0)] : ['–', '–'];
    }),
    ...ratios.map((r) => (results.has(r.numerator) && results.has(r.denominator) ? `${(results.get(r.numerator)!.wallMs / results.get(r.denominator)!.wallMs).toFixed(2)}×` : '–')),
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  console.log();
  console.log(line(headers));
  console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const row of table) console.log(line(row));
  console.log();
  console.log('ms: median wall time of the process from start to exit (Node start-up included). peak MB: median max RSS.');
  console.log('records: the manifest plus every listed record in the files (sites, assets, hazards…), as authored.');
  console.log('crr analyse: the whole command (load, validate, analyse, JSON out). analysis phase: the process that times analyse() alone.');
  console.log();
  console.log('The analysis phase alone (median of the runs; analyse() after the register is loaded):');
  for (const { c, results } of rows) {
    const a = results.get('analysis');
    if (a) console.log(`  ${sizeLabel(c).padStart(6)} practices: ${Math.round(analysisMs(a)).toLocaleString('en-GB')} ms for ${a.facts.assets!.toLocaleString('en-GB')} assets and ${a.facts.routes!.toLocaleString('en-GB')} routes (${perAssetUs(a).toFixed(1)} µs per asset), ${a.facts.findings} findings`);
  }
  console.log();
  console.log("The what-if page (core's engine bundle in a bare V8 context, on the page's data; medians of the runs):");
  for (const { c, results } of rows) {
    const w = results.get('page-what-if');
    if (!w) continue;
    const m = (k: 'pageMedianMs' | 'pageMaxMs' | 'pageParseMs' | 'pageLoadMs') => median(w.runs.map((x) => x.facts[k]!));
    console.log(`  ${sizeLabel(c).padStart(6)} practices: data ${w.facts.dataMB!.toFixed(2)} MB, parsed in ${Math.round(m('pageParseMs'))} ms, loaded in ${Math.round(m('pageLoadMs'))} ms; a failure ${m('pageMedianMs').toFixed(1)} ms median, ${Math.round(m('pageMaxMs'))} ms the slowest of ${w.facts.pageEvaluations}`);
  }
  console.log();
  console.log(`CPU time, user + system, all threads (median ms; less sensitive than wall time to other load on the machine):`);
  for (const { c, results } of rows)
    console.log(
      `  ${sizeLabel(c).padStart(6)} practices: ${measurements.filter((m) => results.has(m.id)).map((m) => `${m.label} ${Math.round(results.get(m.id)!.cpuMs).toLocaleString('en-GB')}`).join(', ')}` +
        ratios.filter((r) => results.has(r.numerator) && results.has(r.denominator)).map((r) => `; ${r.label} ${(results.get(r.numerator)!.cpuMs / results.get(r.denominator)!.cpuMs).toFixed(2)}×`).join(''),
    );
  for (const { c, results } of rows) {
    const v = results.get('validate');
    if (v && v.facts.warnings) console.log(`note: validate reported ${v.facts.warnings} warnings at ${sizeLabel(c)} practices (the generator aims for none).`);
  }

  // --- The aims.
  console.log();
  let missed = false;
  for (const aim of aims) {
    const row = rows.find((r) => r.c.size === aim.size);
    if (!row) {
      console.log(`  –  ${aim.label}: not measured (size not run)`);
      continue;
    }
    const { met, detail } = aim.met(row.results, new Map(rows.map((x) => [x.c.size, x.results])));
    missed ||= !met;
    console.log(`  ${met ? '✔ met    ' : '✖ not met'}  ${aim.label}: ${detail}`);
  }

  // --- Where validate's time goes, on the largest register, when an aim is missed (or asked).
  if (values.stages === 'always' || (values.stages === 'auto' && missed)) {
    const largest = rows.reduce((a, b) => (b.c.practices > a.c.practices ? b : a)).c;
    const dir = largest.dir; // still there: the scratch folder goes last
    const child = spawnSync(process.execPath, [here('./stages.mjs'), dir, '--as-of', AS_OF], { cwd: root, encoding: 'utf8' });
    console.log(`\nWhere validate's time goes at ${sizeLabel(largest)} practices (one run of test/bench/stages.mjs; compiled core):\n`);
    console.log(child.status === 0 ? child.stdout : `stages.mjs failed (exit ${child.status}):\n${child.stderr}`);
  }
  if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  console.log(`\nBench took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`\n\nBENCH FAILED: ${(e as Error).message}`);
  process.exitCode = 1;
}
