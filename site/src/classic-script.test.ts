import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { classicFromModule } from './classic-script.js';

describe('classicFromModule', () => {
  it('puts a bundle\'s exports on one global, keeping its top-level names private', () => {
    const code = classicFromModule('const version="1";function a(){return 2}class K{}export{K as Klass,a,version};\n//# sourceMappingURL=x.map\n', 'Lib', 'test');
    const sandbox: Record<string, unknown> = {};
    sandbox['globalThis'] = sandbox;
    runInNewContext(code, sandbox);
    const lib = sandbox['Lib'] as { a(): number; version: string; Klass: unknown };
    expect(lib.a()).toBe(2);
    expect(lib.version).toBe('1');
    expect(typeof lib.Klass).toBe('function');
    expect(sandbox['version']).toBeUndefined();
    expect(code).not.toContain('sourceMappingURL');
  });

  it('refuses a bundle that imports or has no export list', () => {
    expect(() => classicFromModule('import x from "y";export{x};', 'Lib', 'pkg')).toThrow(/pkg is no longer one self-contained module/);
    expect(() => classicFromModule('var a=1;', 'Lib', 'pkg')).toThrow(/cannot be made a classic script/);
    expect(() => classicFromModule('const m=import.meta.url;export{m};', 'Lib', 'pkg')).toThrow(/self-contained/);
  });
});
