import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { GitError, readFileAtRevision } from '@crr/core';

/**
 * The markdown pull-request comment's template: crr's default, or the register's own at
 * `.crr/diff.md.hbs`, taken from the **base** only (a revision's committed blob, or the base
 * folder), never from the head or the working tree. A pull request is judged by what was already
 * merged: it cannot make crr print a file of the CI machine into the comment, hang it on a named
 * pipe, or restyle its own review. A template crr cannot read, compile or render is replaced by
 * the default with a warning (docs/decisions.md): the comment and the verdict never depend on it.
 */

/** Where a register keeps its own template, from the register folder. */
export const TEMPLATE_OVERRIDE = '.crr/diff.md.hbs';
/** A template is a page of markdown; anything larger is not one. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
/** Loop iterations and partial calls one render may make: far above any comment, far below a hang. */
const MAX_RENDER_STEPS = 200_000;
/** Characters one render may produce, counted as blocks finish (nested blocks count again). */
const MAX_RENDER_CHARS = 16 * 1024 * 1024;

const DEFAULT_TEMPLATE = new URL('../../templates/diff.md.hbs', import.meta.url);

/** Why the register's template was not used: what is wrong, and what to do. */
export interface TemplateWarning {
  message: string;
  hint: string;
}

/** The register's own template (its text, and how to name it in messages), or the default and why. */
export type TemplateChoice = { own: true; source: string; shown: string } | { own: false; warning?: TemplateWarning };

const FALLBACK = "the comment uses crr's default template";
const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;
const tooLarge = (shown: string, size: number): TemplateChoice => ({
  own: false,
  warning: {
    message: `The template ${shown} is ${kib(size)}; a template may be at most ${kib(MAX_TEMPLATE_BYTES)}, so crr did not read it and ${FALLBACK}.`,
    hint: 'Shorten the template: it lays out data crr has already prepared, and needs no more than a page.',
  },
});
const notUtf8 = (shown: string): TemplateChoice => ({
  own: false,
  warning: { message: `The template ${shown} is not UTF-8 text, so ${FALLBACK}.`, hint: 'Save the template as UTF-8.' },
});
const decode = (bytes: Uint8Array, shown: string): TemplateChoice => {
  try {
    return { own: true, source: new TextDecoder('utf-8', { fatal: true }).decode(bytes), shown };
  } catch {
    return notUtf8(shown);
  }
};

// ---------------------------------------------------------------------------------------------
// Reading it
// ---------------------------------------------------------------------------------------------

/** `sub` (such as `.crr/diff.md.hbs`) in the register folder `folder`, as a user would write it. */
function under(folder: string, sub: string): string {
  const dir = folder.replace(/[\\/]+$/, '');
  return dir === '' || dir === '.' ? sub : `${dir}/${sub}`;
}
const templatePath = (folder: string) => under(folder, TEMPLATE_OVERRIDE);

const kindOf = (s: Stats) =>
  s.isSymbolicLink() ? 'a symbolic link' : s.isDirectory() ? 'a folder' : s.isFIFO() ? 'a named pipe' : s.isSocket() ? 'a socket' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : 'not a regular file';

/**
 * The template of the base register folder `baseDir` (folder mode). Only a regular file inside the
 * folder is read: every step of the path is looked at with `lstat` (a link, even one that stays
 * inside, is refused: nothing else in `.crr/` needs one), the real path must be inside the real
 * folder, and the file is opened without following a link and without blocking, then checked
 * again on the open descriptor (a pipe or device swapped in after the `lstat` is never read).
 */
export function templateFromFolder(baseDir: string, baseArg: string): TemplateChoice {
  const shown = `\`${templatePath(baseArg)}\``;
  const refuse = (what: string, hint: string): TemplateChoice => ({ own: false, warning: { message: `The template ${shown} is ${what}, so crr did not open it; ${FALLBACK}.`, hint } });
  const parts = TEMPLATE_OVERRIDE.split('/');
  let path = baseDir;
  for (const [i, part] of parts.entries()) {
    path = join(path, part);
    let s: Stats;
    try {
      s = lstatSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { own: false }; // no template: the default, silently
      return refuse(`unreadable (${code ?? 'error'})`, 'Check the permissions of the register folder.');
    }
    const shownPart = `\`${under(baseArg, parts.slice(0, i + 1).join('/'))}\``;
    if (s.isSymbolicLink())
      return { own: false, warning: { message: `${shownPart} is a symbolic link; crr does not follow links to the template, so ${FALLBACK}.`, hint: `Put the template itself at ${shown}, as a regular file.` } };
    if (i < parts.length - 1) {
      if (!s.isDirectory()) return { own: false, warning: { message: `${shownPart} is ${kindOf(s)}, not a folder, so crr did not look for a template in it; ${FALLBACK}.`, hint: `Put the template at ${shown}, as a regular file.` } };
      continue;
    }
    if (!s.isFile()) return refuse(kindOf(s), `Put the template at ${shown}, as a regular file.`);
    if (s.size > MAX_TEMPLATE_BYTES) return tooLarge(shown, s.size);
  }
  let fd: number;
  try {
    const inside = relative(realpathSync(baseDir), realpathSync(path));
    if (inside.startsWith('..') || isAbsolute(inside)) return refuse('outside the register folder', `Put the template at ${shown}, inside the register folder.`);
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return refuse(`unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'Check the permissions of the template.');
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return refuse(kindOf(s), `Put the template at ${shown}, as a regular file.`);
    if (s.size > MAX_TEMPLATE_BYTES) return tooLarge(shown, s.size);
    // Read at most one byte past the cap: a file that grew since the `fstat` is still refused.
    const buffer = Buffer.alloc(MAX_TEMPLATE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_TEMPLATE_BYTES) return tooLarge(shown, length);
    return decode(buffer.subarray(0, length), shown);
  } catch (e) {
    return refuse(`unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'Check the permissions of the template.');
  } finally {
    closeSync(fd);
  }
}

/**
 * The template of the register folder `folder` at the base revision `rev`: the committed blob,
 * read with `git cat-file`, only when it is a regular file (`readFileAtRevision`).
 */
export async function templateAtRevision(cwd: string, rev: string, folder: string): Promise<TemplateChoice> {
  const shown = `\`${templatePath(folder)}\` at \`${rev}\``;
  let found;
  try {
    found = await readFileAtRevision({ cwd, rev, folder, file: TEMPLATE_OVERRIDE, maxBytes: MAX_TEMPLATE_BYTES });
  } catch (e) {
    if (e instanceof GitError) return { own: false, warning: { message: `The template ${shown} could not be read (${e.message.replace(/\.$/, '')}), so ${FALLBACK}.`, hint: e.hint } };
    throw e;
  }
  switch (found.kind) {
    case 'missing':
      return { own: false };
    case 'too-large':
      return tooLarge(shown, found.size);
    case 'file':
      return decode(found.bytes, shown);
    case 'not-a-file': {
      const at = `\`${under(folder, found.path)}\` at \`${rev}\``;
      const what = found.what === 'link' ? 'a symbolic link' : found.what === 'folder' ? 'a folder' : found.what === 'submodule' ? 'a submodule' : found.what === 'file' ? 'a file' : 'not a regular file';
      const expected = found.path === TEMPLATE_OVERRIDE ? 'a regular file' : 'a folder';
      return {
        own: false,
        warning: {
          message: `${at} is ${what}, not ${expected}; crr reads the template only as a regular file committed in the register folder (never through a link), so ${FALLBACK}.`,
          hint: `Commit the template itself at \`${templatePath(folder)}\`, as a regular file.`,
        },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering it
// ---------------------------------------------------------------------------------------------

/** Names that lead from data into JavaScript's internals; no template needs them. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

class TemplateRefused extends Error {}

/** The first forbidden name a template's syntax tree uses, as a path segment or a string, with its line. */
function forbiddenName(node: unknown): { name: string; line?: number } | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = forbiddenName(n);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const n = node as { type?: string; parts?: unknown[]; value?: unknown; original?: unknown; loc?: { start?: { line?: number } } };
  const line = n.loc?.start?.line;
  const names = n.type === 'PathExpression' ? [...(n.parts ?? []), n.original] : n.type === 'StringLiteral' ? [n.value] : [];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const hit = name.split(/[./]/).find((p) => FORBIDDEN.has(p.replace(/^\[|\]$/g, '')));
    if (hit !== undefined) return { name: hit.replace(/^\[|\]$/g, ''), ...(line !== undefined ? { line } : {}) };
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || !value || typeof value !== 'object') continue;
    const found = forbiddenName(value);
    if (found) return found;
  }
  return undefined;
}

/**
 * A Handlebars environment of its own (nothing registered globally): the built-in helpers only,
 * without `log` (it would print to the console); with `budget`, every loop iteration and partial
 * call is counted, so a template that would run for ever (a partial that includes itself twice,
 * loops nested deep over long lists) stops with an error instead.
 */
function environment(budget: boolean): typeof Handlebars {
  const hb = Handlebars.create();
  hb.unregisterHelper('log'); // and COMPILE no longer treats it as known: "Missing helper"
  if (!budget) return hb;
  let steps = 0;
  let chars = 0;
  const count = (out: unknown) => {
    if (++steps > MAX_RENDER_STEPS) throw new TemplateRefused(`it makes more than ${MAX_RENDER_STEPS.toLocaleString('en-GB')} loop iterations and partial calls`);
    if (typeof out === 'string' && (chars += out.length) > MAX_RENDER_CHARS) throw new TemplateRefused(`its output grows past ${MAX_RENDER_CHARS / 1024 / 1024} MiB`);
    return out;
  };
  const each = hb.helpers.each as (this: unknown, context: unknown, options: Handlebars.HelperOptions) => unknown;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    return each.call(this, context, { ...options, fn: ((...a: Parameters<typeof fn>) => count(fn(...a))) as typeof fn });
  });
  // The runtime calls partials through `env.VM`, looked up on this environment at each call.
  const vm = (hb as unknown as { VM: { invokePartial: (this: unknown, ...a: unknown[]) => unknown } }).VM;
  (hb as unknown as { VM: object }).VM = {
    ...vm,
    invokePartial(this: unknown, ...a: unknown[]) {
      return count(vm.invokePartial.apply(this, a));
    },
  };
  return hb;
}

/** Data is read only from own properties: no prototype, no method, whatever the template asks. */
const RUNTIME: Handlebars.RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, allowCallsToHelperMissing: false };
/** Strings in the view are escaped for markdown already (escapeAll), so the template prints them as they are. */
const COMPILE: CompileOptions = { noEscape: true, strict: false, knownHelpers: { log: false } };
type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/** One line of what Handlebars said, with the line number it gave, if any. */
function explain(e: unknown): { what: string; line?: number } {
  const given = (e as { lineNumber?: unknown } | undefined)?.lineNumber;
  const lineNumber = typeof given === 'number' ? { line: given } : {};
  if (e instanceof TemplateRefused) return { what: e.message, ...lineNumber };
  if (e instanceof RangeError) return { what: 'it nests too deeply, or calls itself without end (a partial that includes itself?)' };
  const message = e instanceof Error ? e.message : String(e);
  // The parser's message is a code frame of the template: keep its line and its last line only.
  const parse = /^(?:Parse|Lexical) error on line (\d+)[:.]/.exec(message);
  if (parse) return { what: `it is not valid Handlebars (${message.split('\n').pop()!.replace(/'/g, '').slice(0, 200)})`, line: Number(parse[1]) };
  const first = message.split('\n')[0]!.slice(0, 200);
  const at = / - (\d+):(\d+)$/.exec(first);
  return { what: `Handlebars stopped with \u201c${at ? first.slice(0, at.index) : first}\u201d`, ...(at ? { line: Number(at[1]) } : lineNumber) };
}

/** Render the register's own template under every guard above; throws what `explain` can put in words. */
function renderOwn(source: string, view: object): string {
  const hb = environment(true);
  const ast = hb.parse(source);
  const forbidden = forbiddenName(ast);
  if (forbidden) throw Object.assign(new TemplateRefused(`it names \`${forbidden.name}\`, which would reach into JavaScript's internals rather than the comment's data`), forbidden.line !== undefined ? { lineNumber: forbidden.line } : {});
  return hb.compile(ast, COMPILE)(view, RUNTIME);
}

/**
 * The comment, rendered with the register's template when there is one it can use, else with the
 * default; `warning` says why the register's template was not used.
 */
export function renderDiffTemplate(choice: TemplateChoice, view: object): { text: string; warning?: TemplateWarning } {
  if (choice.own) {
    try {
      return { text: renderOwn(choice.source, view) };
    } catch (e) {
      const { what, line } = explain(e);
      const where = line === undefined ? choice.shown : `${choice.shown} (line ${line})`;
      const warning: TemplateWarning = {
        message: `The template ${where} could not be used: ${what.replace(/\.$/, '')}; ${FALLBACK}.`,
        hint: 'Fix the template (the syntax is at https://handlebarsjs.com/guide/), or delete it. crr reads it from the base, so the fix takes effect once it is merged.',
      };
      return { text: renderDefault(view), warning };
    }
  }
  return { text: renderDefault(view), ...(choice.warning ? { warning: choice.warning } : {}) };
}

function renderDefault(view: object): string {
  return environment(false).compile(readFileSync(DEFAULT_TEMPLATE, 'utf8'), COMPILE)(view, RUNTIME);
}
