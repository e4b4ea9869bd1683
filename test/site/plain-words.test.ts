/**
 * The worked example's report site, read as words: no "1 <plural>", no page headed by a raw id
 * where the record has a name, and no selector syntax (`type=firewall`) in prose. Each failure
 * names the page and the text, so the words can be fixed where they are made.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { buildReport, validateFolder } from '@crr/core';
import { buildSite } from '@crr/site';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const AS_OF = '2026-11-21';
const temp = mkdtempSync(join(tmpdir(), 'crr-words-'));
/** Page path → its HTML. */
const pages = new Map<string, string>();
/** Record id → its name, for every record whose name differs from its id. */
const named = new Map<string, string>();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.startsWith('#x') ? `0${e.slice(1)}` : e.slice(1))) : m));

/** What a reader sees: no scripts, styles, diagram sources or tags. With `code`, code spans are kept. */
export function visibleText(html: string, { code = true } = {}): string {
  let t = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<pre class="mermaid"[\s\S]*?<\/pre>/gi, ' ')
    .replace(/<template\b[\s\S]*?<\/template>/gi, ' ');
  if (!code) t = t.replace(/<(code|pre|kbd|samp)\b[\s\S]*?<\/\1>/gi, ' ');
  // A block or a table cell ends a phrase ("… 1 | PCN | Regions" is not "1 PCN Regions"); an inline tag does not.
  t = t.replace(/<\/?(?:p|div|li|ul|ol|dl|dt|dd|td|th|tr|table|thead|tbody|caption|h[1-6]|section|header|footer|nav|main|aside|br|hr|details|summary|figure|figcaption|label|option|button)\b[^>]*>/gi, '\n');
  return decode(t.replace(/<[^>]+>/g, ' '))
    .replace(/[ \t\r]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n');
}

/** Where a pattern matches, with some words around it, for the failure message. */
function around(text: string, re: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(re)) out.push(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\n/g, ' | ').trim());
  return out;
}

/**
 * The plural nouns the site counts: every `many` word the templates give `plural`, the words the
 * core counts in its sentences, and the register's capacity units ("tunnels").
 */
function countedNouns(units: Iterable<string>): Set<string> {
  const nouns = new Set(['sites', 'services', 'clinical services', 'assets', 'patients', 'practices', 'PCNs', 'ICBs', 'regions', 'hazards', 'findings', 'controls', 'incidents', 'scenarios', 'suppliers', 'acceptances', 'routes', 'pairs', 'records', 'days', 'months', 'users', 'tunnels', ...units]);
  const templates = readdirSync('site/templates', { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.hbs'));
  for (const e of templates)
    for (const m of readFileSync(join(e.parentPath, e.name), 'utf8').matchAll(/\(?plural\s+\S+\s+"([^"]*)"\s+"([^"]+)"/g)) {
      // The words that change ("hazard has" / "hazards have" → "hazards"): the plural nouns, not the verbs after them.
      const one = m[1]!.split(' ');
      m[2]!.split(' ').forEach((w, i) => {
        if (w !== one[i] && /^[A-Za-z-]+s$/.test(w)) nouns.add(w);
      });
    }
  return nouns;
}

/**
 * "1" then a plural the site counts, after at most one adjective ("1 clinical services", "1 tunnels"),
 * and not inside a larger number or a date ("21 sites", "0.1 sites", "1 of 3 sites" reads right).
 */
export function onePlural(nouns: Iterable<string>): RegExp {
  const words = [...nouns].map((w) => w.split(' ').pop()!).filter((w) => /^[A-Za-z-]+s$/.test(w));
  return new RegExp(`(?<![\\d.,:/-])\\b1 (?:[a-z][a-z-]* )?(?:${[...new Set(words)].sort().join('|')})\\b`, 'g');
}
let ONE_PLURAL = onePlural(countedNouns([]));

/** `key=value` outside code: selector syntax where a sentence should be. */
const SELECTOR_SYNTAX = /\b[a-zA-Z.]+=\S/g;

beforeAll(async () => {
  const { register } = await validateFolder('registers/example-icb', { asOf: AS_OF });
  const { report, analysis } = buildReport(register, { asOf: AS_OF, tool: 'crr test' });
  ONE_PLURAL = onePlural(countedNouns(register.assets.flatMap((a) => (a.capacity ? [a.capacity.unit] : []))));
  for (const list of [register.organisations, register.sites, register.services, register.assets, register.scenarios] as readonly { id: string; name?: string; title?: string }[][])
    for (const r of list) {
      const name = r.name ?? r.title;
      if (name && name !== r.id) named.set(r.id, name);
    }
  const quiet = ['log', 'info', 'warn'].map((m) => vi.spyOn(console, m as 'log').mockImplementation(() => undefined));
  try {
    const built = await buildSite({ report, exports: { 'analysis.json': analysis }, outDir: temp });
    for (const e of readdirSync(built.outDir, { recursive: true, withFileTypes: true }))
      if (e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('pagefind')) {
        const full = join(e.parentPath, e.name);
        pages.set(posix.relative(temp.split('\\').join('/'), full.split('\\').join('/')), readFileSync(full, 'utf8'));
      }
  } finally {
    for (const q of quiet) q.mockRestore();
  }
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the pattern for "1 <plural>"', () => {
  it('catches a count of one with a plural, and not a count of one that reads right', () => {
    const hits = (s: string) => [...s.matchAll(ONE_PLURAL)].map((m) => m[0]);
    expect(hits('1 clinical services at risk; 1 tunnels; 1 sites; 1 PCNs')).toEqual(['1 clinical services', '1 tunnels', '1 sites', '1 PCNs']);
    expect(hits('1 of 3 sites; 1 site; 21 sites; 1 clinical service; 1 December 2026; resolver 1 fails; 1 asset fails; 2,001 sites; 0.1 sites')).toEqual([]);
  });
});

describe('the worked example reads as words', () => {
  it('built every page', () => {
    expect(pages.size).toBeGreaterThan(100);
  });

  it('never writes "1" before a plural', () => {
    const bad = [...pages].flatMap(([page, html]) => around(visibleText(html), ONE_PLURAL).map((t) => `${page}: …${t}…`));
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('heads no page or section with a raw id where the record has a name', () => {
    const bad: string[] = [];
    for (const [page, html] of pages)
      for (const m of html.matchAll(/<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1>/gi)) {
        const text = visibleText(m[2]!).trim();
        const id = text.split(/[\s:,(]/)[0]!;
        const name = named.get(id);
        if (name && !text.startsWith(name)) bad.push(`${page}: <h${m[1]}> ${text} (the name is "${name}")`);
      }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('writes no selector syntax (`key=value`) in prose', () => {
    const bad = [...pages].flatMap(([page, html]) => around(visibleText(html, { code: false }), SELECTOR_SYNTAX).map((t) => `${page}: …${t}…`));
    expect(bad, bad.join('\n')).toEqual([]);
  });
});
