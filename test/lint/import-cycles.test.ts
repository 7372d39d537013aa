// No file of the engine (src/core) reaches itself through its imports,
// type-only imports included: the finding codes and the types sit below
// the checks that report them (docs/decisions.md, "Findings are a
// registry"). Imports are read with TypeScript's own pre-processor; the
// cycles are the strongly connected components of the file graph (Tarjan).
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const CORE = path.join(__dirname, '..', '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative import names, as TypeScript resolves it. */
function resolved(from: string, specifier: string): string | null {
  const target = path.resolve(path.dirname(from), specifier);
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Each file's relative imports and re-exports (type-only ones too), as files. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, false);
    const targets = info.importedFiles.map((imported) => imported.fileName).filter((name) => name.startsWith('.'));
    graph.set(file, targets.map((name) => resolved(file, name)).filter((target): target is string => target !== null));
  }
  return graph;
}

/** The groups of files that import each other round a circle (strongly connected components of more than one file, or a file importing itself). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    order.set(file, counter);
    lowest.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!order.has(target)) {
        visit(target);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
      } else if (onStack.has(target)) lowest.set(file, Math.min(lowest.get(file)!, order.get(target)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component);
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

describe('import cycles in src/core', () => {
  it('finds a cycle when there is one (the probe: two files importing each other)', () => {
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]))).toEqual([['b', 'a']]);
  });

  it('the engine has none, type-only imports included', () => {
    const graph = importGraph(sourceFiles(CORE));
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(path.join(CORE, 'types.ts'))).toContain(path.join(CORE, 'findings', 'registry.ts'));
    expect(cyclesOf(graph).map((cycle) => cycle.map((file) => path.relative(CORE, file)))).toEqual([]);
  });
});
