/**
 * @crr/site: the public entry the CLI uses to build a register's report site.
 */
export { buildSite, pageCount, type BuildSiteOptions, type BuiltSite } from './build.js';
export { OutDirProblem, SITE_MARKER, inspectOutDir, makeFolder } from './out-dir.js';
export { diagramView, mermaidLabel, toMermaid, nodeText, FAILURE_POINT_SUFFIX, type DiagramView, type EdgeRow, type MermaidResult } from './diagram.js';
export { searchRecords, type SearchRecord } from './search.js';
