import { slugOf, type GuardResult, type RegisterDiff } from '@crr/core';
import { capacityChangeCount, capacityView, hasPlaces, whereCell } from './capacity-diff-view.js';
import { regionsAndIcbs, siteNames, type SiteLabel } from './reach.js';

/**
 * Markdown-safe text: every character markdown or HTML could read as syntax is escaped, so a
 * register string can never become a link, an image, a heading or markup in a pull request.
 */
export function mdEscape(s: string): string {
  return (
    s
      .replace(/[\\`*_{}[\]()#+\-.!|~>:@]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      // Any line break (CR LF, LF, or a lone CR) would end a table row.
      .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
  );
}

/**
 * Every string in a value, escaped; numbers, booleans and structure untouched. `url` fields are
 * links built by `safeUrl`, already percent-encoded so they cannot leave the link syntax.
 */
export function escapeAll<T>(value: T): T {
  if (typeof value === 'string') return mdEscape(value) as T;
  if (Array.isArray(value)) return value.map(escapeAll) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'url' || k.startsWith('literal') ? v : escapeAll(v)])) as T;
  return value;
}

/**
 * Text for a code span, where markdown escapes would show as backslashes: only words of crr's
 * own vocabularies (guard codes, schema field names) go in one unescaped; anything else is
 * escaped as usual and shown as plain text.
 */
export function literal(s: string): { literal: string } | { text: string } {
  return /^[A-Za-z0-9._-]+$/.test(s) ? { literal: s } : { text: mdEscape(s) };
}

/** A link for markdown: percent-encoded, with the characters markdown link syntax uses encoded too. */
export function safeUrl(url: string): string {
  // Only the characters that could end or change markdown's link syntax are encoded: what the
  // address already percent-encodes stays as it is.
  return url.replace(/[()[\]<>"'`\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const show = (v: unknown): string => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

/**
 * The plain data the markdown template renders: everything decided here, the template only lays
 * it out. Strings are escaped afterwards, in one place (`escapeAll`), so a template a register
 * overrides cannot forget to.
 */
export function diffView(
  diff: RegisterDiff,
  guards: readonly GuardResult[],
  options: {
    siteUrl?: string;
    headErrors: number;
    headWarnings: number;
    headProblems?: readonly { where: string; code: string; message: string }[];
    /** Sites by name in the tables (the head's, then the base's); ids alone without it. */
    siteLabels?: ReadonlyMap<string, SiteLabel>;
  },
) {
  const labels = options.siteLabels ?? new Map<string, SiteLabel>();
  const tripped = guards.filter((g) => g.findings.length);
  const link = (section: string, id: string) => (options.siteUrl ? safeUrl(`${options.siteUrl.replace(/\/?$/, '/')}${section}/${slugOf(id)}/index.html`) : undefined);
  const hazardLink = (id: string) => ({ id, url: link('hazards', id) });
  const assetLink = (id: string) => ({ id, url: link('assets', id) });
  const changes =
    diff.hazards.added.length + diff.hazards.removed.length + diff.hazards.changed.length + diff.ratings.length + diff.controls.removedFromHazard.length + diff.controls.weakened.length + diff.controls.evidenceExpired.length + diff.failurePoints.gained.length + diff.failurePoints.lost.length + diff.commonCauses.gained.length + diff.commonCauses.lost.length + diff.coverage.gained.length + diff.coverage.lost.length + diff.acceptances.noLongerHold.length + diff.reach.length + capacityChangeCount(diff);
  return {
    fail: tripped.length > 0 || options.headErrors > 0,
    verdict:
      options.headErrors > 0
        ? `The register at ${diff.head.label} has ${options.headErrors} validation error${options.headErrors === 1 ? '' : 's'}.`
        : tripped.length
          ? `${tripped.reduce((n, g) => n + g.findings.length, 0)} change${tripped.reduce((n, g) => n + g.findings.length, 0) === 1 ? '' : 's'} must not pass unnoticed: ${tripped.map((g) => g.title.toLowerCase()).join('; ')}.`
          : changes === 0
            ? 'No change to clinical risk.'
            : `${changes} change${changes === 1 ? '' : 's'} to clinical risk; no guard tripped.`,
    base: diff.base,
    head: diff.head,
    headWarnings: options.headWarnings,
    headProblems: (options.headProblems ?? []).slice(0, 50),
    moreHeadProblems: Math.max(0, (options.headProblems ?? []).length - 50),
    guards: tripped.map((g) => ({ code: g.code, literalCode: literal(g.code), title: g.title, findings: g.findings.map((f) => ({ message: f.message, hint: f.hint, where: f.at ? `${f.at.file}:${f.at.line}` : '' })) })),
    disabledGuards: guards.filter((g) => !g.enabled).map((g) => ({ literalName: literal(g.name) })),
    profile: diff.riskProfile.map((r) => ({ ...r, initialDelta: signed(r.initialAfter - r.initialBefore), residualDelta: signed(r.residualAfter - r.residualBefore) })),
    added: diff.hazards.added.map((h) => ({ ...hazardLink(h.id), title: h.title, status: h.status })),
    removed: diff.hazards.removed.map((h) => ({ id: h.id, title: h.title, status: h.status })),
    changed: diff.hazards.changed.map((h) => ({ ...hazardLink(h.id), title: h.title, fields: h.fields.map((f) => ({ literalField: literal(f.field), before: clip(show(f.before)), after: clip(show(f.after)) })) })),
    ratings: diff.ratings.map((r) => ({ ...hazardLink(r.hazard), title: r.title, which: r.which, before: r.before, after: r.after, arrow: r.direction === 'up' ? '▲' : '▼' })),
    controlsRemoved: diff.controls.removedFromHazard.map((c) => ({ ...c, replacedText: c.replaced ? 'yes' : 'no' })),
    controlsWeakened: diff.controls.weakened,
    evidenceExpired: diff.controls.evidenceExpired,
    failurePointsGained: diff.failurePoints.gained.map((f) => ({ ...assetLink(f.asset), name: f.name, sites: f.sites.length, siteList: siteNames(f.sites.map((x) => x.site), labels), patients: f.patients.toLocaleString('en-GB'), hazards: f.hazards.join(', ') || 'none', where: whereCell(f) })),
    failurePointsLost: diff.failurePoints.lost.map((f) => ({ id: f.asset, name: f.name, sites: f.sites.length, patients: f.patients.toLocaleString('en-GB'), where: whereCell(f) })),
    // A "where" column only when the register has places: a register without them keeps its narrow tables.
    failurePointsGainedWhere: diff.failurePoints.gained.some(hasPlaces),
    failurePointsLostWhere: diff.failurePoints.lost.some(hasPlaces),
    // Where the reach falls, by region and ICB (empty for a register without places).
    commonCausesGained: diff.commonCauses.gained.map((f) => ({ title: f.title, patients: f.reach.patients.toLocaleString('en-GB'), places: regionsAndIcbs(f.reach) ?? '' })),
    commonCausesLost: diff.commonCauses.lost.map((f) => ({ title: f.title })),
    coverageLost: diff.coverage.lost.map((f) => ({ title: f.title.replace(/^No hazard names: /, ''), patients: f.reach.patients.toLocaleString('en-GB'), places: regionsAndIcbs(f.reach) ?? '' })),
    coverageGained: diff.coverage.gained.map((f) => ({ title: f.title.replace(/^No hazard names: /, '') })),
    reach: diff.reach.slice(0, 15).map((r) => ({ ...assetLink(r.asset), name: r.name, before: r.before.toLocaleString('en-GB'), after: r.after.toLocaleString('en-GB'), delta: signed(r.delta), where: whereCell(r) })),
    reachWhere: diff.reach.slice(0, 15).some(hasPlaces),
    moreReach: Math.max(0, diff.reach.length - 15),
    moreReachWord: diff.reach.length - 15 === 1 ? 'asset' : 'assets',
    acceptances: diff.acceptances.noLongerHold.map((a) => ({ ...a, fieldList: a.fields.join(', ') })),
    ...capacityView(diff, assetLink, labels),
  };
}

const signed = (n: number) => (n > 0 ? `+${n.toLocaleString('en-GB')}` : n < 0 ? `−${(-n).toLocaleString('en-GB')}` : '0');
