/**
 * @crr/site: the public entry the CLI uses to build a register's report site.
 * (Being built: see buildSite in build.ts.)
 */
export {};
