import yaml from 'js-yaml';

/**
 * The schema registers load with: YAML 1.2 core (no timestamps, so dates stay strings; no
 * `yes`/`no` booleans), plus merge keys (`<<: *defaults`), which hand authors expect.
 * (`types` is exported by js-yaml 4 but missing from its type definitions.)
 */
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
export const registerYamlSchema = yaml.CORE_SCHEMA.extend({ implicit: [merge] });
