/** Rows of a long table rendered in its page's HTML; the rest come from its data script (list-data.ts). */
export const LIST_PAGE_ROWS = 100;

/**
 * Findings shown in full on the findings page: each is several kilobytes (reach, assets,
 * hazards, a suggested hazard), so fewer than a table's rows; the table of all of them follows.
 */
export const FINDINGS_IN_FULL = 50;
