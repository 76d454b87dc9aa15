import fs from 'node:fs';
import path from 'node:path';

/**
 * The layering a newcomer relies on (docs/architecture.md): the ground floor (common/, api-docs/)
 * knows no feature, services leave SQL to repositories, and no file imports itself back through others. Read from the sources' import
 * statements, type-only ones included: a circle of types today is a circle of values tomorrow.
 */
const SRC = path.resolve('src');
const GROUND_FLOOR = ['common', 'api-docs'];
/** Infrastructure the ground floor may lean on: connections, not domain areas. */
const INFRASTRUCTURE = ['common', 'api-docs', 'database', 'redis', 'config'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function localImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1]);
  return specifiers.flatMap((specifier) => {
    const base = path.resolve(path.dirname(file), specifier);
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
    return found ? [found] : [];
  });
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, localImports(file)]));
const area = (file: string) => path.relative(SRC, file).split(path.sep)[0];

describe('the shape of the code', () => {
  it('keeps common/ and api-docs/ free of imports from any feature module', () => {
    const strays = files
      .filter((file) => GROUND_FLOOR.includes(area(file)))
      .flatMap((file) => graph.get(file)!.filter((target) => !INFRASTRUCTURE.includes(area(target))).map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`));
    expect(strays).toEqual([]);
  });

  it('lets services reach the database only through repositories', () => {
    const querying = files.filter((file) => file.endsWith('.service.ts') && /\.query\(|createQueryBuilder\(|getRepository\(/.test(fs.readFileSync(file, 'utf8')));
    expect(querying.map((file) => path.relative(SRC, file))).toEqual([]);
  });

  it('has no import circles', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') circles.push([...trail.slice(trail.indexOf(next)), next].map((f) => path.relative(SRC, f)).join(' → '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    expect(circles).toEqual([]);
  });
});
