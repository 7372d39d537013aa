// The engine stays host-neutral (architecture.md): no Office, DOM or Node APIs
// in src/core (and the i18n strings it uses). tsconfig.core.json enforces the
// types at compile time; this test catches imports and globals by name.
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const root = path.join(__dirname, '..', '..', 'src');
const engine = [...files(path.join(root, 'core')), ...files(path.join(root, 'i18n'))];

describe('engine purity', () => {
  it('has engine files to check', () => {
    expect(engine.length).toBeGreaterThan(10);
  });
  it.each(engine.map((f) => [path.relative(root, f), f]))('%s imports only engine code', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    const imports = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect(i.startsWith('.')).toBe(true);
    const code = src.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const global of ['Office.', 'Excel.', 'document.', 'window.', 'process.', 'Buffer', 'require(', 'globalThis']) {
      expect({ file: path.relative(root, file), uses: code.includes(global) ? global : null }).toEqual({ file: path.relative(root, file), uses: null });
    }
  });
});
