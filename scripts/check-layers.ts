/**
 * Fails (exit 1) when any file under src/ imports across a boundary ARCHITECTURE.md forbids.
 * Run by `npm run lint`, and so by `npm test`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, relativeToRoot } from './layers/check';

const root = process.cwd();

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) yield path;
  }
}

let files = 0;
const violations = [];
for (const path of sourceFiles(join(root, 'src'))) {
  files += 1;
  violations.push(...checkFile(relativeToRoot(root, path), readFileSync(path, 'utf8')));
}
for (const v of violations) {
  console.error(`${v.file}:${v.line}  ${v.specifier}\n    ${v.reason} (rule: ${v.rule})`);
}
if (violations.length > 0) {
  console.error(`\nlayers: ${violations.length} forbidden import(s) in ${files} files`);
  process.exit(1);
}
console.log(`layers: ${files} files, every import within its boundaries`);
