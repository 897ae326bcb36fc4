/**
 * The dependency rules of ARCHITECTURE.md, as data. Each rule names the files it governs and says
 * what those files may not import; `check.ts` applies them to every import in src/.
 */
export type ImportRef = {
  /** The import as written. */
  specifier: string;
  /** `package` for npm packages, `builtin` for Node's modules, `relative` for our own files. */
  kind: 'package' | 'builtin' | 'relative';
  /** For packages: the package name (`react-konva`, `@electric-sql/pglite`). */
  packageName?: string;
  /** For relative imports: the target, relative to the repository root, without extension. */
  target?: string;
};

export type Rule = {
  name: string;
  appliesTo: (file: string) => boolean;
  /** A reason when the import breaks the rule, otherwise null. */
  check: (ref: ImportRef, file: string) => string | null;
};

const under = (folder: string) => (path: string) => path === folder || path.startsWith(`${folder}/`);
const inShared = under('src/shared');
const inServer = under('src/server');
const inMain = under('src/main');
const inShell = under('src/main/electron');
const inPreload = under('src/preload');
const inRenderer = under('src/renderer');
const inCanvas = under('src/renderer/canvas');
const inAudio = under('src/renderer/audio');
const isElectron = (ref: ImportRef) => ref.packageName === 'electron';
const NODE_ONLY_PACKAGES = new Set([
  'electron',
  'electron-updater',
  'better-sqlite3',
  'pg',
  '@electric-sql/pglite',
  'fastify',
]);
/** The one door from the workstation into the server code: embedding the queue for the demo. */
const SERVER_EMBED_ENTRY = 'src/server/embed';

export const rules: Rule[] = [
  {
    name: 'shared imports nothing of the app',
    appliesTo: inShared,
    check: (ref) => {
      if (ref.kind === 'builtin') return 'src/shared runs in every process: no Node modules';
      if (ref.kind === 'package' && ref.packageName !== 'zod') return 'src/shared may import only zod';
      if (ref.kind === 'relative' && !inShared(ref.target ?? ''))
        return 'src/shared may import only src/shared';
      return null;
    },
  },
  {
    name: 'the renderer is a sandboxed web page',
    appliesTo: inRenderer,
    check: (ref) => {
      if (ref.kind === 'builtin') return 'the renderer cannot import Node modules';
      if (ref.kind === 'package' && NODE_ONLY_PACKAGES.has(ref.packageName ?? ''))
        return `the renderer cannot import ${ref.packageName}`;
      const target = ref.target ?? '';
      if (ref.kind === 'relative' && (inMain(target) || inServer(target) || inPreload(target)))
        return 'the renderer reaches main only through its api/ folder and the bridge';
      return null;
    },
  },
  {
    name: 'only the Electron shell and the preload import electron',
    appliesTo: (file) => !inShell(file) && !inPreload(file),
    check: (ref) => (isElectron(ref) ? 'electron belongs to src/main/electron and src/preload only' : null),
  },
  {
    name: 'konva lives under the renderer canvas folder',
    appliesTo: (file) => !inCanvas(file),
    check: (ref) =>
      ref.packageName === 'konva' || ref.packageName === 'react-konva'
        ? 'konva is imported only under src/renderer/canvas'
        : null,
  },
  {
    name: 'wavesurfer.js lives under the renderer audio folder',
    appliesTo: (file) => !inAudio(file),
    check: (ref) =>
      ref.packageName === 'wavesurfer.js' ? 'wavesurfer.js is imported only under src/renderer/audio' : null,
  },
  {
    name: 'the server stands alone',
    appliesTo: inServer,
    check: (ref) => {
      const target = ref.target ?? '';
      if (ref.kind === 'relative' && (inMain(target) || inPreload(target) || inRenderer(target)))
        return 'src/server may import only src/shared and itself';
      return null;
    },
  },
  {
    name: 'main reaches the server only through its embed entry',
    appliesTo: inMain,
    check: (ref) => {
      const target = ref.target ?? '';
      if (ref.kind !== 'relative') return null;
      if (inRenderer(target) || inPreload(target)) return 'main cannot import the renderer or the preload';
      if (inServer(target) && target !== SERVER_EMBED_ENTRY)
        return `main may import the server only through ${SERVER_EMBED_ENTRY}.ts`;
      return null;
    },
  },
  {
    name: 'the preload is tiny',
    appliesTo: inPreload,
    check: (ref) => {
      if (ref.kind === 'package' && !isElectron(ref)) return 'the preload may import only electron';
      if (ref.kind === 'builtin') return 'the preload may not import Node modules';
      const target = ref.target ?? '';
      if (ref.kind === 'relative' && !inPreload(target) && target !== 'src/shared/bridge/names')
        return 'the preload may import only the bridge names (src/shared/bridge/names.ts)';
      return null;
    },
  },
];

/** Text rules: `window.hitdesk` is touched only by the renderer's api folder. */
export const textRules: {
  name: string;
  appliesTo: (file: string) => boolean;
  pattern: RegExp;
  reason: string;
}[] = [
  {
    name: 'window.hitdesk only in the api folder',
    appliesTo: (file) => inRenderer(file) && !under('src/renderer/api')(file),
    pattern: /\b(?:window|globalThis)\s*\.\s*hitdesk\b/,
    reason: 'only src/renderer/api touches window.hitdesk',
  },
];
