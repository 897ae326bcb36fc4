import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron binary is, or why there is none. Never `require('electron')` to find out:
 * since Electron 45 that starts a download, and this machine has no route to GitHub.
 */
export function findElectronBinary(root = process.cwd()): { path: string } | { missing: string } {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed (run npm ci)' };
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary was never downloaded (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, ' +
        'or its download from GitHub is blocked here); run `npx install-electron` where GitHub is reachable',
    };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is not at ${binary}` };
}
