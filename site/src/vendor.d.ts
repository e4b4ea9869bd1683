/** The two Eleventy packages ship no TypeScript types; only what build.ts uses is declared. */
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    config?: (eleventyConfig: any) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}

declare module '@11ty/eleventy-plugin-handlebars' {
  const plugin: (eleventyConfig: any, options?: { eleventyLibraryOverride?: unknown }) => void;
  export default plugin;
}
