import { countOf, declaredAttributeNames, didYouMean, parseSelectorText, placeKeyWords, selectorKeys, selectorPatternLimits, unknownPlaces, whatIf, type Register, type Selector, type SelectorText } from '@crr/core';
import { placeLabel, registerNames, selectorPhrase, whatIfInScope } from '@crr/core';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { failureOutcomeLines } from '../render/failure-outcome.js';
import { shortList } from '../render/reach.js';
import { registerEnvelope } from '../render/json-envelope.js';
import { jsonText, safeLine } from '../render/safe-text.js';
import { loadValidated } from './load.js';
import { scopeOption } from './scope-option.js';
import { crrCommand } from '../command-prefix.js';

type Spec = Parameters<typeof whatIf>[1][number];

export async function whatIfCommand(parsed: Parsed<'what-if'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  const { fail: fails, format, 'as-of': asOf, scope: scopeText } = parsed.options;
  if (!fails.length) throw new UsageError('Say what fails with `--fail`: an asset id or a selector.', `For example \`${crrCommand('what-if registers/example-icb --fail vpn-a')}\` or \`--fail "software=MX 18.*"\`.`);
  // A selector's syntax and size need no register: refuse a mistake before reading one.
  for (const text of fails) if (text.includes('=')) checkSelectorText(text);
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf, 'what-if');
  const p = paint(useColour(io));
  if (errors) {
    writeDiagnostics(io.stdout, diagnostics, { displayDir: dir, register, paint: p, asOf }, `The register has errors, so no scenario was run. Fix them and run \`${crrCommand('what-if')}\` again.`);
    return EXIT.errors;
  }
  const specs = fails.map((text) => toSpec(text, register));
  // The failure is evaluated on the whole register; a scope restricts only what is shown.
  const scope = scopeText !== undefined ? scopeOption(register, scopeText) : undefined;
  const result = scope ? whatIfInScope(register, specs, scope) : whatIf(register, specs);
  for (const f of result.failed)
    if (!f.assets.length) throw new UsageError(`The selector \`${f.spec}\` matches no asset.`, 'Check the value; `*` is a wildcard, and matching ignores case.');
  if (format === 'json') {
    io.stdout.write(jsonText(registerEnvelope(register, { asOf, ...(scope ? { scope: scope.place } : {}), ...result })));
    return EXIT.ok;
  }
  const out: string[] = [];
  // Selectors quote values that match register text: escaped, then painted.
  // A selector reads as what it selects ("every firewall running ASA 9.16"); an asset id as typed.
  const nameOf = registerNames(register);
  const whats = specs.map((spec) => ('asset' in spec ? spec.asset : selectorPhrase(spec.selector, nameOf)));
  out.push(p.bold(`What if ${whats.map(safeLine).join(' and ')} fail${whats.length === 1 ? 's' : ''}${scope ? `, as seen from ${safeLine(placeLabel(scope.place))}` : ''}?`));
  for (const f of result.failed) if (f.spec.includes('=')) out.push(`  ${safeLine(f.spec)} selects ${countOf(f.assets.length, 'asset')}: ${shortList(f.assets)}`);
  out.push('');
  out.push(...failureOutcomeLines(result, p));
  io.stdout.write(out.join('\n') + '\n');
  return EXIT.ok;
}

function toSpec(text: string, register: Register): Spec {
  if (!text.includes('=')) {
    const known = register.assets.some((a) => a.id === text);
    if (!known) {
      const guess = didYouMean(text, register.assets.map((a) => a.id));
      throw new UsageError(`There is no asset ${shown(text)} in the register.${guess ? ` Did you mean \`${guess}\`?` : ''}`, 'Give an asset id, or a selector such as `vendor=Cisco Meraki`.');
    }
    return { asset: text };
  }
  const selector = selectorOf(text, declaredAttributeNames(register.assets));
  refuseUnknownPlace(text, selector, register);
  return { selector, text };
}

/** A place key naming no place of its tier (CRR-E069 in a register): a typo would otherwise fail nothing. */
function refuseUnknownPlace(text: string, selector: Selector, register: Register): void {
  const [u] = unknownPlaces(register, selector);
  if (!u) return;
  const words = placeKeyWords[u.key];
  throw new UsageError(
    `${shown(text)} is not a valid selector: no ${words} in the register has the ODS code or id ${shown(u.value)}.${u.suggestion !== undefined ? ` Did you mean \`${safeLine(u.suggestion)}\`?` : ''}`,
    u.known
      ? `Give the ODS code or the id of one of the register's ${words}s (${u.examples.map((e) => `\`${u.key}=${safeLine(e)}\``).join(', ')}${u.known > u.examples.length ? ', …' : ''}); \`*\` is a wildcard.`
      : `The register declares no ${words}; select by another key.`,
  );
}

/** The selector keys other than free-form attributes, for hints. */
const fixedKeys = selectorKeys.filter((k) => k !== 'attributes').join(', ');

/** What was typed, in backticks, cut short: a `--fail` value can be as long as a command line. */
const shown = (text: string) => '`' + safeLine(text.length > 80 ? `${text.slice(0, 79)}…` : text) + '`';

/** The selector `--fail key=value,…` names; `attributes.<name>` must be one the register's assets declare. */
function selectorOf(text: string, attributeNames: readonly string[]): Selector {
  const parsed = parseSelectorText(text, new Set(attributeNames));
  if (!parsed.selector) refuse(text, parsed, attributeNames);
  return parsed.selector;
}

/** Refuse a selector's syntax or size, which need no register; an attribute name waits for the register. */
function checkSelectorText(text: string): void {
  const parsed = parseSelectorText(text);
  if (!parsed.selector && parsed.badAttribute === undefined) refuse(text, parsed);
}

/** A usage error saying why the text is not a selector, with a hint for that problem. */
function refuse(text: string, parsed: SelectorText, attributeNames?: readonly string[]): never {
  const guess =
    parsed.badKey !== undefined ? didYouMean(parsed.badKey, selectorKeys) : parsed.badAttribute !== undefined && attributeNames ? didYouMean(parsed.badAttribute, attributeNames) : undefined;
  const problem = `${shown(text)} is not a valid selector: ${parsed.problem}.${guess ? ` Did you mean \`${guess}\`?` : ''}`;
  const { length, wildcards } = selectorPatternLimits;
  if (parsed.overLimit)
    throw new UsageError(problem, `A selector value may have at most ${length} characters and at most ${wildcards} \`*\` wildcards; one \`*\` stands for any run of characters, e.g. \`id=fw-*\`.`);
  if (parsed.badAttribute !== undefined && attributeNames) {
    const listed = attributeNames.slice(0, 20).map((n) => `attributes.${n}`).join(', ') + (attributeNames.length > 20 ? ` and ${attributeNames.length - 20} more` : '');
    throw new UsageError(
      problem,
      attributeNames.length
        ? `The assets in this register declare these attributes: ${listed}. Other keys: ${fixedKeys}.`
        : `No asset in this register declares free-form \`attributes\`; select by ${fixedKeys}.`,
    );
  }
  throw new UsageError(problem, `Write \`key=value\`, joined by commas; keys: ${fixedKeys}, attributes.<name>.`);
}
