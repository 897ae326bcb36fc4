import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { rules, textRules, type ImportRef } from './rules';

export type Violation = { file: string; line: number; specifier: string; rule: string; reason: string };

const BUILTINS = new Set(builtinModules);

/** Classifies one import specifier written in `file` (a repository-relative path). */
export function classify(specifier: string, file: string): ImportRef {
  if (specifier.startsWith('.')) {
    const target = normalize(join(dirname(file), specifier))
      .replace(/\\/g, '/')
      .replace(/\.(tsx?|jsx?|mjs|cjs)$/, '')
      .replace(/\/index$/, '');
    return { specifier, kind: 'relative', target };
  }
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? '')) {
    return { specifier, kind: 'builtin' };
  }
  const parts = specifier.split('/');
  const packageName = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return { specifier, kind: 'package', packageName };
}

/** Every import, export-from, dynamic import and require in a source text, with its line. */
export function importsOf(source: string): { specifier: string; line: number }[] {
  const info = ts.preProcessFile(source, true, true);
  const lineOf = (pos: number) => source.slice(0, pos).split('\n').length;
  return info.importedFiles.map((ref) => ({ specifier: ref.fileName, line: lineOf(ref.pos) }));
}

/** Unit tests sit beside the code but, like test/, may import anything (fixtures, harnesses, vitest). */
export function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

/** Applies every rule to one file. `file` is repository-relative with forward slashes. */
export function checkFile(file: string, source: string): Violation[] {
  const found: Violation[] = [];
  if (isTestFile(file)) return found;
  for (const { specifier, line } of importsOf(source)) {
    const ref = classify(specifier, file);
    for (const rule of rules) {
      if (!rule.appliesTo(file)) continue;
      const reason = rule.check(ref, file);
      if (reason) found.push({ file, line, specifier, rule: rule.name, reason });
    }
  }
  for (const rule of textRules) {
    if (!rule.appliesTo(file)) continue;
    source.split('\n').forEach((text, index) => {
      if (rule.pattern.test(text)) {
        found.push({ file, line: index + 1, specifier: text.trim(), rule: rule.name, reason: rule.reason });
      }
    });
  }
  return found;
}

export function relativeToRoot(root: string, path: string): string {
  return relative(root, path).replace(/\\/g, '/');
}
