import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The image tool's painter worker (src/renderer/canvas/raster-worker.ts) starts as a task opens,
 * so its script is kept small: no package (zod's schemas alone made it 110 KB, a tenth of a
 * second to compile and run on a modest laptop). Type-only imports vanish from the bundle and
 * are not followed.
 */
const VALUE_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

const WORKER = join(import.meta.dirname, '../../src/renderer/canvas/raster-worker.ts');

function valueImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)].map((match) => match[1]!);
}

function reachedFrom(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith('.')) packages.add(specifier);
      else visit(`${resolve(dirname(file), specifier)}.ts`);
    }
  };
  visit(entry);
  return { modules, packages };
}

describe('the raster worker script', () => {
  it('imports no package, only the painter and the geometry it needs', () => {
    const { modules, packages } = reachedFrom(WORKER);
    expect([...packages]).toEqual([]);
    expect(modules.size).toBeLessThan(15);
  });

  it('is checked by a reader that does follow imports (shape-index reaches geometry)', () => {
    const { modules } = reachedFrom(WORKER);
    expect([...modules].some((file) => file.endsWith('editor/image/geometry.ts'))).toBe(true);
  });
});
