import { describe, expect, expectTypeOf, it } from 'vitest';
import { optionsMarkdown } from './docs.js';
import { UsageError } from './io.js';
import { commands, helpText, localIsoDate, parseArgs, type AnyParsed, type ArgsOf, type CommandName, type CommandSpec, type OptionsOf } from './options.js';

/** A pinned "today", late in the evening: the default date must be the user's calendar day. */
const today = () => new Date(2026, 10, 21, 23, 30);

/** Parse a command line that must be a command (not help or version). */
function parse(argv: string[]): AnyParsed {
  const parsed = parseArgs(argv, today);
  if (!('command' in parsed)) throw new Error(`not a command: ${argv.join(' ')}`);
  return parsed;
}

/** The smallest command line for each command: its required positional arguments. */
const minimal = (name: CommandName) => [name, ...(commands[name] as CommandSpec).args.filter((a) => !a.optional).map((a) => `${a.name}-value`)];

describe('options typed from the table', () => {
  it('derives each option type from its spec: choice, flag, list, integer, date, string', () => {
    expectTypeOf<OptionsOf<'validate'>['format']>().toEqualTypeOf<'pretty' | 'json' | 'github' | 'sarif'>();
    expectTypeOf<OptionsOf<'diff'>['format']>().toEqualTypeOf<'markdown' | 'json' | 'github' | 'sarif'>();
    expectTypeOf<OptionsOf<'build'>['no-search']>().toEqualTypeOf<boolean>();
    expectTypeOf<OptionsOf<'what-if'>['fail']>().toEqualTypeOf<string[]>();
    expectTypeOf<OptionsOf<'serve'>['port']>().toEqualTypeOf<number>();
    // No default: may be absent.
    expectTypeOf<OptionsOf<'analyse'>['top']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<OptionsOf<'diff'>['site-url']>().toEqualTypeOf<string | undefined>();
    // Defaults (the table's, or today) make an option always there.
    expectTypeOf<OptionsOf<'build'>['out']>().toEqualTypeOf<string>();
    expectTypeOf<OptionsOf<'analyse'>['as-of']>().toEqualTypeOf<string>();
    expectTypeOf<OptionsOf<'schema'>['out']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ArgsOf<'validate'>>().toEqualTypeOf<{ readonly dir: string }>();
    expectTypeOf<ArgsOf<'diff'>>().toEqualTypeOf<{ readonly base: string; readonly head: string; readonly dir: string | undefined }>();
  });

  it('narrows a parsed command line by its command', () => {
    const parsed = parse(['serve']);
    if (parsed.command !== 'serve') throw new Error('expected serve');
    expectTypeOf(parsed.options.port).toEqualTypeOf<number>();
    expect(parsed.options.port).toBe(8080);
  });
});

describe('parseArgs applies every default, so no command repeats one', () => {
  it('gives serve its port as a number, its flag as false, its folder and today', () => {
    expect(parse(['serve'])).toEqual({ command: 'serve', args: { dir: '.' }, options: { port: 8080, 'no-search': false, 'as-of': '2026-11-21' } });
  });

  it('keeps what was typed over the default, converted to its type', () => {
    expect(parse(['serve', 'reg', '--port', '0', '--no-search', '--as-of=2026-01-02']).options).toEqual({ port: 0, 'no-search': true, 'as-of': '2026-01-02' });
    expect(parse(['analyse', '--top', '3', '--format=json']).options).toEqual({ format: 'json', top: 3, 'as-of': '2026-11-21' });
  });

  it('leaves an option without a default absent', () => {
    const parsed = parse(['analyse']);
    expect(parsed.options).toEqual({ format: 'pretty', 'as-of': '2026-11-21' });
    expect('top' in parsed.options).toBe(false);
    expect(parse(['diff', 'main', 'HEAD']).args).toEqual({ base: 'main', head: 'HEAD' });
  });

  it('gives a list every value in order, or none', () => {
    expect(parse(['what-if']).options).toMatchObject({ fail: [] });
    expect(parse(['what-if', '--fail', 'vpn-a', '--fail=vendor=Cisco Meraki']).options).toMatchObject({ fail: ['vpn-a', 'vendor=Cisco Meraki'] });
  });

  it('gives every option of every command a value of its spec type (the table\'s defaults pass their own checks)', () => {
    for (const name of Object.keys(commands) as CommandName[]) {
      const spec: CommandSpec = commands[name];
      const { options } = parse(minimal(name)) as { options: Record<string, unknown> };
      for (const [key, o] of Object.entries(spec.options)) {
        const value = options[key];
        const where = `${name} --${key}`;
        if (o.type === 'flag') expect(value, where).toBe(false);
        else if (o.type === 'list') expect(value, where).toEqual([]);
        else if (o.default !== undefined) {
          if (o.type === 'integer') expect(value, where).toBe(Number(o.default));
          else expect(value, where).toBe(o.default);
          if (o.type === 'choice') expect(o.choices, where).toContain(value);
        } else if (o.defaultsToToday) expect(value, where).toBe('2026-11-21');
        else expect(value, where).toBeUndefined();
      }
    }
  });

  it('reads the clock only through `today`, as the user\'s calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(parseArgs(['validate'], () => new Date(2027, 1, 3, 12))).toMatchObject({ options: { 'as-of': '2027-02-03' } });
    // Commands without a date option never ask.
    expect(() => parseArgs(['rules'], () => { throw new Error('clock read'); })).not.toThrow();
  });

  it('checks a value before noticing it is given twice, as before', () => {
    expect(() => parse(['validate', '--format', 'json', '--format', 'jsn'])).toThrow(/must be one of `pretty`, `json`, `github`, `sarif`, not `jsn`/);
    expect(() => parse(['validate', '--format', 'json', '--format', 'json'])).toThrow(/given twice/);
    expect(() => parse(['analyse', '--top', '0'])).toThrow(UsageError);
    expect(() => parse(['analyse', '--top', '0'])).toThrow(/at least 1/);
  });
});

describe('help and the README reference still come from the same table', () => {
  it('shows defaults as typed', () => {
    expect(helpText('serve')).toContain('--port <port>  Port on 127.0.0.1 (0 for any free port). Default: 8080.');
    expect(helpText('validate')).toContain('--as-of <YYYY-MM-DD>');
    expect(optionsMarkdown()).toContain('  - `--out <folder>`: ');
    expect(optionsMarkdown()).toContain('Default `_site`.');
  });
});
