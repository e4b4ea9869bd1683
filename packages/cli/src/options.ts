import { didYouMean, isIsoDate } from '@crr/core';
import { UsageError } from './io.js';
import { crrCommand } from './command-prefix.js';

/**
 * The one typed table of commands and options. Parsing, `--help` and the README's option
 * reference are all generated from it, so they cannot disagree. Longer than our usual file on
 * purpose: the table, the types derived from it and the parser that applies it belong together,
 * so that an option is added in one place.
 */
export interface OptionSpec {
  description: string;
  /**
   * `flag` takes no value (parsed: true or false); `choice` one of `choices`; `date` an ISO date;
   * `integer` a whole number written in decimal digits, from `min` to `max` (parsed: a number);
   * `string` any non-blank text; `list` repeatable (parsed: every value given, in order, or none).
   */
  type: 'flag' | 'choice' | 'date' | 'integer' | 'string' | 'list';
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** As the user would type it: parsed and checked like a typed value, and shown in `--help`. */
  default?: string;
  /** A date option that, when absent, is today's date where the user is (the only clock read in crr). */
  defaultsToToday?: true;
  valueName?: string;
}

export interface CommandSpec {
  summary: string;
  /** Positional arguments, in order. */
  args: readonly { name: string; description: string; optional?: boolean; default?: string }[];
  options: Readonly<Record<string, OptionSpec>>;
}

const asOf = {
  type: 'date',
  valueName: 'YYYY-MM-DD',
  defaultsToToday: true,
  description: 'Judge the register as of this date (overdue reviews, expired evidence, future incidents). Defaults to today.',
} as const satisfies OptionSpec;
const dir = { name: 'dir', description: 'The register folder.', optional: true, default: '.' } as const;

export const commands = {
  validate: {
    summary: 'Check a register: YAML, shapes, references and every validation rule.',
    args: [dir],
    options: {
      format: { type: 'choice', choices: ['pretty', 'json', 'github', 'sarif'], default: 'pretty', description: 'Output format: `pretty` for people, `json` for tools, `github` for workflow annotations, `sarif` for code scanning.' },
      'as-of': asOf,
    },
  },
  analyse: {
    summary: 'Find what can cut which practices off which clinical services, for how many patients.',
    args: [dir],
    options: {
      format: { type: 'choice', choices: ['pretty', 'json'], default: 'pretty', description: 'Output format: `pretty` for people, `json` (documented, stable) for tools.' },
      'as-of': asOf,
      top: { type: 'integer', min: 1, valueName: 'N', description: 'Show at most N findings of each kind, the first N in the ranking (pretty output only).' },
      kinds: { type: 'string', valueName: 'kind,…', description: 'Show only findings of these kinds, comma-separated (`capacity-n-1,failure-point`); in JSON, `findings` is filtered and the summary still counts every finding.' },
      by: { type: 'choice', choices: ['icb', 'region'], description: 'Group the findings by the ICBs (or regions) they reach, largest first, each with that place\'s sites and patients (pretty output only).' },
      scope: { type: 'string', valueName: 'place', description: 'Analyse as seen from one place (an ICB, region, sub-ICB or PCN, by ODS code or id): the findings that reach its sites, counted for them. The analysis still runs on the whole register.' },
    },
  },
  'what-if': {
    summary: 'Fail assets together (by id or selector) and show what is cut, degraded and overloaded, where, for how many patients.',
    args: [dir],
    options: {
      fail: {
        type: 'list',
        valueName: 'asset-id|key=value,…',
        description: 'An asset id (`vpn-a`) or a selector (`software=MX 18.*`, `vendor=Cisco Meraki,model=MX68`, or by place `icb=QKS,type=firewall`); repeat to fail several together.',
      },
      format: { type: 'choice', choices: ['pretty', 'json'], default: 'pretty', description: 'Output format.' },
      'as-of': asOf,
      scope: { type: 'string', valueName: 'place', description: 'Show the outcome as seen from one place (an ICB, region, sub-ICB or PCN, by ODS code or id): what is cut, degraded and up among its sites. The failure is still evaluated on the whole register.' },
    },
  },
  diff: {
    summary: 'Show what a change to a register does to clinical risk, and fail on the changes that must not pass unnoticed.',
    args: [
      { name: 'base', description: 'The revision before the change (a git revision of the repository holding the register), or a register folder.' },
      { name: 'head', description: 'The revision after the change, or a register folder.' },
      { name: 'dir', description: 'The register folder in the repository (with revisions).', optional: true },
    ],
    options: {
      format: { type: 'choice', choices: ['markdown', 'json', 'github', 'sarif'], default: 'markdown', description: 'Output format: `markdown` for a pull-request comment or job summary, `json` for tools, `github` for workflow annotations, `sarif` for code scanning.' },
      'as-of': asOf,
      'site-url': { type: 'string', valueName: 'url', description: 'Where the register\'s site is published, for links in the markdown (default: the base\'s `policy.siteUrl`).' },
    },
  },
  fingerprint: {
    summary: 'Print the register\'s content fingerprint and version: what a CSO\'s approval records. Writes nothing.',
    args: [dir],
    options: {
      format: { type: 'choice', choices: ['pretty', 'json'], default: 'pretty', description: 'Output format: `pretty` for people, `json` (documented, stable) for tools.' },
      'as-of': asOf,
    },
  },
  build: {
    summary: 'Build the register\'s report site: hazard log, matrices, dependency graphs, safety case report.',
    args: [dir],
    options: {
      out: { type: 'string', valueName: 'folder', default: '_site', description: 'Where to write the site: a new or empty folder (`.git`, other hidden names and `CNAME` may be there), or one crr built before. A rebuild removes only the files crr wrote. Never inside the register.' },
      'as-of': asOf,
      'no-search': { type: 'flag', description: 'Skip the search index (a faster build).' },
      scope: { type: 'string', valueName: 'place', description: 'Build the site of one place (an ICB, region, sub-ICB or PCN, by ODS code or id): its sites and PCNs, the assets on their routes, the hazards that concern them, and the analysis as seen from it. The analysis still runs on the whole register.' },
    },
  },
  export: {
    summary: 'Write the hazard log as a spreadsheet (XLSX, or a CSV file per sheet) in the NHS hazard-log template\'s columns, with controls, incidents, acceptances, assets, sites and findings.',
    args: [dir],
    options: {
      format: { type: 'choice', choices: ['xlsx', 'csv'], default: 'xlsx', description: '`xlsx`: one workbook, coloured and with drop-downs; `csv`: one UTF-8 file per sheet (with a byte-order mark, CRLF), for other tools.' },
      out: { type: 'string', valueName: 'file|folder', description: 'Where to write: an `.xlsx` file, or a folder for the CSV files. Never inside the register. An existing file (or folder) is replaced only when crr exported it.' },
      'as-of': asOf,
    },
  },
  serve: {
    summary: 'Preview the report site on this machine, rebuilt when a register file changes.',
    args: [dir],
    options: {
      port: { type: 'integer', min: 0, max: 65535, valueName: 'port', default: '8080', description: 'Port on 127.0.0.1 (0 for any free port).' },
      'as-of': asOf,
      'no-search': { type: 'flag', description: 'Skip the search index (faster rebuilds).' },
    },
  },
  init: {
    summary: 'Start a register: a small valid one in a new folder, commented for a Clinical Safety Officer, with the schema editors read.',
    args: [{ name: 'dir', description: 'The folder to create the register in: new, or empty (a `.git` folder may be there).' }],
    options: {
      'as-of': { ...asOf, description: 'The date the starter register\'s hazards are raised and reviewed, and its reviews fall due from. Defaults to today.' },
    },
  },
  schema: {
    summary: 'Print (or write) the JSON Schema of a register file, generated from the model, for editors.',
    args: [{ name: 'dir', description: 'A register whose own risk scheme the schema should list as the severity and likelihood levels. Without it, the DCB guidance example\'s levels.', optional: true }],
    options: {
      out: { type: 'string', valueName: 'file', description: 'Write the schema to this file (`register.schema.json` beside the register, so its files\' first line can name it) instead of printing it. Replaces only a schema crr wrote.' },
    },
  },
  'import ods': {
    summary: 'Write the practices, PCNs, sub-ICB locations, ICBs and regions of one ICB (or all of England) from the published NHS ODS files, as a register part; compare them with a register.',
    args: [],
    options: {
      practices: { type: 'string', valueName: 'epraccur.csv', description: 'The ODS practices file `epraccur` (no header; 27 fields). Only active GP practices in England are imported: status A, prescribing setting 4, region not W00.' },
      pcns: { type: 'string', valueName: 'pcn-map.csv', description: 'The practice → PCN map (NHS Digital, with header): PCN, CCG, STP and region of each practice.' },
      'list-sizes': { type: 'string', valueName: 'list-size.csv', description: 'Patients registered at each GP practice (NHS Digital, with header; the `ALL`/`ALL` total of each practice is read).' },
      icb: { type: 'list', valueName: 'code', description: 'Import this ICB, by ODS code (`QKS`); repeat for several.' },
      all: { type: 'flag', description: 'Import every ICB in England.' },
      out: { type: 'string', valueName: 'folder', description: 'Where to write the register part: a new or empty folder. Files are only ever created, never replaced.' },
      profile: { type: 'string', valueName: 'id', default: 'standard-practice', description: 'The profile written on every practice; the register must define it.' },
      compare: { type: 'string', valueName: 'register', description: 'A register to compare with (only read): practices new in ODS, closed, in another ICB, moved PCN, list size changed.' },
      'list-size-change': { type: 'string', valueName: 'share', default: '0.1', description: 'With `--compare`: report a list size that changed by more than this share (`0.1` or `10%`).' },
      },
    },
  'import hazard-log': {
    summary: 'Import a hazard log from a spreadsheet (XLSX, or CSV) in the NHS template\'s columns into register files: hazards, controls and acceptances.',
    args: [{ name: 'file', description: 'The workbook (`.xlsx`: its `Hazards` sheet, and `Controls` and `Acceptances` when there) or CSV file (the hazards; `controls.csv` and `acceptances.csv` beside it are read too).' }],
    options: {
      out: { type: 'string', valueName: 'folder', description: 'Required. A new or empty folder to write `hazards.yaml`, `controls.yaml` and `acceptances.yaml` in; crr never writes over a file, and writes nothing when the spreadsheet has errors.' },
      mapping: { type: 'string', valueName: 'file.yaml', description: 'A mapping file for a log laid out differently: which sheet, which header row, which of its headers means which column (docs/spreadsheets.md).' },
      format: { type: 'choice', choices: ['pretty', 'json'], default: 'pretty', description: 'Output format: `pretty` for people, `json` for tools.' },
    },
  },
  rules: {
    summary: 'List every diagnostic code with its meaning.',
    args: [],
    options: {
      format: { type: 'choice', choices: ['pretty', 'markdown', 'json'], default: 'pretty', description: 'Output format.' },
    },
  },
} as const satisfies Record<string, CommandSpec>;

type Commands = typeof commands;
export type CommandName = keyof Commands;

/** What an option of this spec holds once parsed (see `OptionSpec.type`). */
type ValueOf<O> = O extends { type: 'flag' }
  ? boolean
  : O extends { type: 'list' }
    ? string[]
    : O extends { type: 'choice'; choices: readonly (infer C)[] }
      ? C
      : O extends { type: 'integer' }
        ? number
        : string;

/** Flags (false), lists (none) and options with a default are always there; any other may be absent. */
type Absent<O> = O extends { type: 'flag' | 'list' } | { default: string } | { defaultsToToday: true } ? never : undefined;

/** A command's options as the parser gives them, typed from the table: `OptionsOf<'serve'>['port']` is a number. */
export type OptionsOf<C extends CommandName> = {
  readonly [K in keyof Commands[C]['options']]: ValueOf<Commands[C]['options'][K]> | Absent<Commands[C]['options'][K]>;
};

/** A command's positional arguments by name; an optional one without a default may be absent. */
export type ArgsOf<C extends CommandName> = {
  readonly [A in Commands[C]['args'][number] as A['name']]: string | (A extends { optional: true } ? (A extends { default: string } ? never : undefined) : never);
};

/** One command line, parsed and checked: what a command receives. */
export interface Parsed<C extends CommandName = CommandName> {
  command: C;
  args: ArgsOf<C>;
  options: OptionsOf<C>;
}

/** A parsed command line of any command; `command` tells which, and narrows the rest. */
export type AnyParsed = { [C in CommandName]: Parsed<C> }[CommandName];

type Value = string | string[] | boolean | number;

/**
 * Parse argv against the table; every mistake is a UsageError with a hint. Defaults are applied
 * here, from the table, so no command repeats one; `today` gives the date options that default
 * to today (tests pin it).
 */
export function parseArgs(argv: readonly string[], today: () => Date = () => new Date()): AnyParsed | { help: CommandName | string | true } | { version: true } {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    const topic = argv[0] === 'help' ? argv.slice(1, 3).join(' ') : '';
    if (topic in commands) return { help: topic as CommandName };
    const group = argv[0] === 'help' ? argv[1] : undefined;
    if (group && subcommandsOf(group).length) return { help: group };
    return { help: true };
  }
  if (argv[0] === '--version' || argv[0] === '-v') return { version: true };
  const name = argv[0]!;
  // A group (`import`) names its subcommand in the next word: `crr import ods`.
  const subs = subcommandsOf(name);
  if (subs.length) {
    const sub = argv[1];
    if (sub === undefined || sub === '--help' || sub === '-h') return { help: name };
    if (!subs.includes(sub)) {
      const guess = didYouMean(sub, subs);
      throw new UsageError(
        `\`crr ${name} ${sub}\` is not a crr command.${guess ? ` Did you mean \`crr ${name} ${guess}\`?` : ''}`,
        `\`crr ${name}\` takes one of: ${subs.map((s) => `\`${s}\``).join(', ')}. Run \`${crrCommand(`${name} --help`)}\` for what each does.`,
      );
    }
  } else if (!(name in commands)) {
    const guess = didYouMean(name, [...new Set(Object.keys(commands).map((c) => c.split(' ')[0]!))]);
    throw new UsageError(`\`${name}\` is not a crr command.${guess ? ` Did you mean \`${guess}\`?` : ''}`, `Run \`${crrCommand('--help')}\` for the list of commands.`);
  }
  const command = (subs.length ? `${name} ${argv[1]}` : name) as CommandName;
  const spec: CommandSpec = commands[command];
  const options: Record<string, Value> = {};
  const positionals: string[] = [];
  const rest = argv.slice(subs.length ? 2 : 1);
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (token === '--help' || token === '-h') return { help: command };
    if (token === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!token.startsWith('--') || token === '-') {
      if (token.startsWith('-') && token !== '-') throw new UsageError(`Unknown option \`${token}\`.`, `Run \`${crrCommand(`${command} --help`)}\` for its options.`);
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const key = token.slice(2, eq < 0 ? undefined : eq);
    const opt = spec.options[key];
    if (!opt) {
      const guess = didYouMean(key, Object.keys(spec.options));
      throw new UsageError(`\`crr ${command}\` has no option \`--${key}\`.${guess ? ` Did you mean \`--${guess}\`?` : ''}`, `Run \`${crrCommand(`${command} --help`)}\` for its options.`);
    }
    if (opt.type === 'flag') {
      if (eq >= 0) throw new UsageError(`\`--${key}\` takes no value.`);
      options[key] = true;
      continue;
    }
    const value: string | undefined = eq >= 0 ? token.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`\`--${key}\` needs a value${opt.valueName ? ` (${opt.valueName})` : ''}.`);
    const ok = checked(key, opt, value);
    if (opt.type === 'list') {
      const list = options[key];
      options[key] = [...(Array.isArray(list) ? list : []), ok];
    } else {
      if (key in options) throw new UsageError(`\`--${key}\` is given twice.`);
      options[key] = opt.type === 'integer' ? Number(ok) : ok;
    }
  }
  const args: Record<string, string> = {};
  spec.args.forEach((a, i) => {
    const v = positionals[i] ?? a.default;
    if (v === undefined && !a.optional) throw new UsageError(`\`crr ${command}\` needs ${a.name}.`, `Run \`${crrCommand(`${command} --help`)}\`.`);
    if (v !== undefined) args[a.name] = v;
  });
  if (positionals.length > spec.args.length)
    throw new UsageError(`\`crr ${command}\` takes ${spec.args.length === 0 ? 'no arguments' : `at most ${spec.args.length} argument${spec.args.length > 1 ? 's' : ''}`}, but was given \`${positionals.slice(spec.args.length).join(' ')}\`.`, `Run \`${crrCommand(`${command} --help`)}\`.`);
  for (const [key, opt] of Object.entries(spec.options)) if (!(key in options)) {
    const absent = defaultOf(key, opt, today);
    if (absent !== undefined) options[key] = absent;
  }
  // The one place the table meets argv: each value was checked against its spec above, so the
  // shape is the one `OptionsOf` derives from the same spec.
  return { command, args, options } as AnyParsed;
}

/**
 * The subcommands of a command group, in table order: `['hazard-log', 'ods']` for `import`, none
 * for a plain command. A group is the first word of two-word keys in the table.
 */
export function subcommandsOf(group: string): string[] {
  return Object.keys(commands)
    .filter((c) => c.startsWith(`${group} `))
    .map((c) => c.slice(group.length + 1));
}

/** What an option absent from argv holds: its default, checked as if typed; false; none; today; or nothing. */
function defaultOf(key: string, opt: OptionSpec, today: () => Date): Value | undefined {
  if (opt.type === 'flag') return false;
  if (opt.type === 'list') return [];
  if (opt.default !== undefined) return opt.type === 'integer' ? Number(checked(key, opt, opt.default)) : checked(key, opt, opt.default);
  if (opt.defaultsToToday) return localIsoDate(today());
  return undefined;
}

/** A value as typed, refused with a UsageError unless its option's spec allows it. */
function checked(key: string, opt: OptionSpec, value: string): string {
  // `--out=` or `--out "$UNSET"` is a mistake, never a wish for the current folder or a default.
  if (value.trim() === '') throw new UsageError(`\`--${key}\` needs a value${opt.valueName ? ` (${opt.valueName})` : ''}, but was given an empty one.`, 'Check the variable or the quoting that gave it.');
  if (opt.type === 'choice' && !opt.choices!.includes(value)) {
    const guess = didYouMean(value, opt.choices!);
    throw new UsageError(`\`--${key}\` must be one of ${opt.choices!.map((c) => `\`${c}\``).join(', ')}, not \`${value}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`);
  }
  if (opt.type === 'integer') checkInteger(key, opt, value);
  if (opt.type === 'date' && !isIsoDate(value)) throw new UsageError(`\`--${key}\` must be a real date written YYYY-MM-DD, not \`${value}\`.`, 'For example `--as-of 2026-04-07`.');
  return value;
}

/** The calendar date of `now` where the user is, written YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Decimal digits only, within the option's range: `Number()` would also take `0x1F91`, `1e3`,
 * ` 80` and `` (as 0), which nobody means as a port or a count.
 */
function checkInteger(key: string, opt: OptionSpec, value: string): void {
  const min = opt.min ?? 0;
  const max = opt.max ?? Number.MAX_SAFE_INTEGER;
  const range = opt.max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  if (!/^[0-9]{1,16}$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`\`--${key}\` must be a whole number ${range}, written in digits, not \`${value}\`.`, `For example \`--${key} ${opt.default ?? Math.min(max, Math.max(min, 10))}\`.`);
}

/** `--help` text, from the table: of every command, of one command, or of a group's subcommands. */
export function helpText(command?: CommandName | string): string {
  if (command !== undefined && !(command in commands)) {
    const subs = subcommandsOf(command);
    const width = Math.max(...subs.map((s) => s.length + command.length + 1));
    return [
      `Usage: crr ${command} <${subs.join('|')}> [options]`,
      '',
      'Commands:',
      ...subs.map((s) => `  ${`${command} ${s}`.padEnd(width)}  ${commands[`${command} ${s}` as CommandName].summary}`),
      '',
      `Run \`crr ${command} <${subs.join('|')}> --help\` for a command's options.`,
      '',
    ].join('\n');
  }
  if (!command) {
    const width = Math.max(...Object.keys(commands).map((c) => c.length));
    return [
      'crr: the clinical risk register for the GP IT supply chain',
      '',
      'Usage: crr <command> [options]',
      '',
      'Commands:',
      ...Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`),
      '',
      'Run `crr <command> --help` for a command\'s options.',
      'Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.',
      '',
    ].join('\n');
  }
  const spec: CommandSpec = commands[command as CommandName];
  const usage = `Usage: crr ${command}${spec.args.map((a) => (a.optional ? ` [${a.name}]` : ` <${a.name}>`)).join('')}${Object.keys(spec.options).length ? ' [options]' : ''}`;
  const lines = [spec.summary, '', usage, ''];
  if (spec.args.length) {
    lines.push('Arguments:');
    for (const a of spec.args) lines.push(`  ${a.name}  ${a.description}${a.default ? ` Default: ${a.default}` : ''}`);
    lines.push('');
  }
  const entries = Object.entries(spec.options);
  if (entries.length) {
    lines.push('Options:');
    for (const [key, o] of entries) lines.push(`  --${key}${optionValue(o)}  ${o.description}${o.default ? ` Default: ${o.default}.` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function optionValue(o: OptionSpec): string {
  if (o.type === 'flag') return '';
  if (o.type === 'choice') return ` <${o.choices!.join('|')}>`;
  return ` <${o.valueName ?? 'value'}>`;
}
