/**
 * Turns a self-contained ES module bundle (no imports, one `export{…}` list at the end, as
 * nhsuk-frontend ships `nhsuk-frontend.min.js`) into a classic script that puts its exports on
 * one global. Classic scripts run from `file://`; Chromium blocks module scripts there.
 */

/** The exports list a bundler writes last: `export{a,b as c};`. */
const EXPORT_LIST = /export\s*\{([^}]*)\}\s*;?\s*$/;

export function classicFromModule(code: string, globalName: string, what: string): string {
  const body = code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '').trimEnd();
  const match = EXPORT_LIST.exec(body);
  const rest = match ? body.slice(0, match.index) : body;
  // Anything else module-only would break (or silently change meaning) outside a module: refuse.
  if (!match || /\bimport\s*[\s{*("'.]|\bexport\s*[\s{*]/.test(rest)) {
    throw new Error(`${what} is no longer one self-contained module ending in an export list, so it cannot be made a classic script. Check the package's new build and update site/src/classic-script.ts.`);
  }
  const entries = match[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((spec) => {
      const [local, exported = local] = spec.split(/\s+as\s+/) as [string, string?];
      return `${JSON.stringify(exported)}:${local}`;
    });
  // A function scope keeps the bundle's top-level names off the page's global scope; modules are strict.
  return `(function(){"use strict";\n${rest}\nglobalThis[${JSON.stringify(globalName)}]=Object.freeze({${entries.join(',')}});\n})();\n`;
}
