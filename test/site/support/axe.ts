/**
 * WCAG checks with axe-core, through `@axe-core/playwright`, in a readable form:
 * `expect(await checkAccessibility(page)).toEqual([])` shows what failed, and where.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

export interface Violation {
  /** The axe rule, e.g. `image-alt`. */
  id: string;
  impact: string;
  /** What the rule asks for, e.g. "Images must have alternative text". */
  help: string;
  /** How many elements fail it. */
  count: number;
  /** The first few failing elements' CSS selectors (frames and shadow roots joined by ` >>> `). */
  targets: string[];
}

export interface AccessibilityOptions {
  /** Only check inside these selectors. */
  include?: string[];
  /** Leave these selectors out. */
  exclude?: string[];
  /** Rule ids to switch off (say why in the test). */
  disableRules?: string[];
  /** How many target selectors to keep per violation; default 3. */
  maxTargets?: number;
}

/** Runs axe on the page as it is now (WCAG 2.x A/AA tags); returns the violations, if any. */
export async function checkAccessibility(page: Page, options: AccessibilityOptions = {}): Promise<Violation[]> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS]);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  return readableViolations(results, options.maxTargets ?? 3);
}

function readableViolations(results: AxeResults, maxTargets: number): Violation[] {
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    count: violation.nodes.length,
    targets: violation.nodes.slice(0, maxTargets).map((node) => selectorText(node.target)),
  }));
}

function selectorText(target: unknown): string {
  if (Array.isArray(target)) return target.map(selectorText).join(' >>> ');
  return String(target);
}
