/**
 * How big a register may be, file by file. Registers arrive in pull requests from anyone, so every
 * stage after loading must be bounded by these, not by what an author chose to write. Each is far
 * above what a real register needs: the generated national register (6,500 practices, 777 files)
 * has at most 1,083 records in a file, 12 items in a list, 7 levels of nesting and a largest file
 * of 0.7 MiB. Documented in docs/register-format.md ("Limits"); the choice in docs/decisions.md.
 */
export const loadLimits = {
  /** Records (list items of the collections) in one file (CRR-E013). */
  recordsPerFile: 20_000,
  /** Items of one list, or keys of one mapping, below the collections (CRR-E014). */
  entriesPerList: 1_000,
  /** Levels of lists and mappings, the file's own mapping being level 1, aliases followed (CRR-E015). */
  depth: 64,
  /** Diagnostics shown for one file, errors first; the rest are counted in one CRR-W016. */
  diagnosticsPerFile: 100,
  /** Diagnostics shown in all. */
  diagnosticsTotal: 500,
} as const;

/**
 * The longest chain of needs an asset may head, counted in assets (CRR-E062). Analysis holds, for
 * each asset, every asset below it, so its cost grows with the square of a chain's length; real
 * supply chains are about ten deep (practice, firewall, link, HSCN, data-centre core, power).
 */
export const MAX_DEPENDENCY_DEPTH = 64;

/**
 * The most named scenarios a register may have (CRR-E067). Each costs a whole evaluation of the
 * register (a fraction of a second at national scale), so a hostile register with thousands would
 * hold `analyse`, `diff` and the site for hours; a CSO plans for a handful.
 */
export const MAX_SCENARIOS = 100;
