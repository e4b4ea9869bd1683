import { loadCodes } from '../load/load-codes.js';
import { parseCodes } from '../load/parse-codes.js';
import { rules } from '../rules/index.js';
import type { CodeDefinition } from './code.js';

/** Every diagnostic code crr can produce, in code order: the source of the rule catalogue. */
export const catalogue: readonly CodeDefinition[] = [...Object.values(loadCodes), ...Object.values(parseCodes), ...rules]
  .map(({ code, name, severity, title, explanation }) => ({ code, name, severity, title, explanation }))
  .sort((a, b) => Number(a.code.slice(5)) - Number(b.code.slice(5)));
