import { describe, expect, it } from 'vitest';
import { checkFile, classify } from './check';

const rulesBroken = (file: string, source: string) => checkFile(file, source).map((v) => v.rule);

describe('layering check', () => {
  it('classifies packages, builtins and relative paths', () => {
    expect(classify('node:fs', 'src/x.ts').kind).toBe('builtin');
    expect(classify('fs/promises', 'src/x.ts').kind).toBe('builtin');
    expect(classify('@electric-sql/pglite/vector', 'src/x.ts').packageName).toBe('@electric-sql/pglite');
    expect(classify('../../main/services/store', 'src/renderer/api/x.ts').target).toBe(
      'src/main/services/store',
    );
    expect(classify('./index', 'src/shared/bridge/x.ts').target).toBe('src/shared/bridge');
  });

  it('keeps Node, electron, main and server out of the renderer', () => {
    expect(rulesBroken('src/renderer/app/App.tsx', `import fs from 'node:fs';`)).toContain(
      'the renderer is a sandboxed web page',
    );
    expect(rulesBroken('src/renderer/app/App.tsx', `import { ipcRenderer } from 'electron';`)).toEqual([
      'the renderer is a sandboxed web page',
      'only the Electron shell and the preload import electron',
    ]);
    expect(
      rulesBroken('src/renderer/app/App.tsx', `import { x } from '../../main/services/store';`),
    ).toContain('the renderer is a sandboxed web page');
    expect(
      rulesBroken('src/renderer/app/App.tsx', `const s = await import('../../server/embed');`),
    ).toContain('the renderer is a sandboxed web page');
    expect(rulesBroken('src/renderer/app/App.tsx', `import { z } from '../../shared/bridge';`)).toEqual([]);
  });

  it('lets only the shell and the preload import electron', () => {
    expect(rulesBroken('src/main/services/store.ts', `import { app } from 'electron';`)).toEqual([
      'only the Electron shell and the preload import electron',
    ]);
    expect(rulesBroken('src/main/electron/window.ts', `import { BrowserWindow } from 'electron';`)).toEqual(
      [],
    );
    expect(rulesBroken('src/server/app.ts', `const e = require('electron');`)).toEqual([
      'only the Electron shell and the preload import electron',
    ]);
  });

  it('keeps src/shared free of everything but zod', () => {
    expect(rulesBroken('src/shared/domain/x.ts', `import { z } from 'zod';`)).toEqual([]);
    expect(rulesBroken('src/shared/domain/x.ts', `import React from 'react';`)).toEqual([
      'shared imports nothing of the app',
    ]);
    expect(rulesBroken('src/shared/domain/x.ts', `import { createHash } from 'crypto';`)).toEqual([
      'shared imports nothing of the app',
    ]);
    expect(rulesBroken('src/shared/domain/x.ts', `export * from '../../server/db';`)).toEqual([
      'shared imports nothing of the app',
    ]);
  });

  it('confines konva to canvas and wavesurfer.js to audio', () => {
    expect(rulesBroken('src/renderer/canvas/Stage.tsx', `import { Stage } from 'react-konva';`)).toEqual([]);
    expect(rulesBroken('src/renderer/features/image/Tool.tsx', `import Konva from 'konva';`)).toEqual([
      'konva lives under the renderer canvas folder',
    ]);
    expect(rulesBroken('src/renderer/audio/Waveform.tsx', `import WaveSurfer from 'wavesurfer.js';`)).toEqual(
      [],
    );
    expect(
      rulesBroken(
        'src/renderer/features/audio/X.tsx',
        `import R from 'wavesurfer.js/dist/plugins/regions.esm.js';`,
      ),
    ).toEqual(['wavesurfer.js lives under the renderer audio folder']);
  });

  it('keeps the server apart and lets main in only through the embed entry', () => {
    expect(rulesBroken('src/server/http/app.ts', `import { x } from '../../main/services/store';`)).toEqual([
      'the server stands alone',
    ]);
    expect(
      rulesBroken('src/main/services/demo.ts', `import { startQueueServer } from '../../server/embed';`),
    ).toEqual([]);
    expect(
      rulesBroken('src/main/services/demo.ts', `import { migrate } from '../../server/db/migrate';`),
    ).toEqual(['main reaches the server only through its embed entry']);
  });

  it('keeps the preload to electron and the bridge names', () => {
    expect(
      rulesBroken(
        'src/preload/index.ts',
        `import { contextBridge } from 'electron';\nimport { BRIDGE_CALL_NAMES } from '../shared/bridge/names';`,
      ),
    ).toEqual([]);
    expect(
      rulesBroken('src/preload/index.ts', `import { bridgeCalls } from '../shared/bridge/contract';`),
    ).toEqual(['the preload is tiny']);
    expect(rulesBroken('src/preload/index.ts', `import { z } from 'zod';`)).toEqual(['the preload is tiny']);
  });

  it('lets unit tests beside the code import what they need', () => {
    expect(rulesBroken('src/shared/domain/x.test.ts', `import { it } from 'vitest';`)).toEqual([]);
    expect(rulesBroken('src/shared/domain/x.ts', `import { it } from 'vitest';`)).toEqual([
      'shared imports nothing of the app',
    ]);
  });

  it('lets only the api folder touch window.hitdesk', () => {
    const source = `export const call = window.hitdesk.call;`;
    expect(rulesBroken('src/renderer/api/ipc-transport.ts', source)).toEqual([]);
    const found = checkFile('src/renderer/features/inbox/Inbox.tsx', `const a = 1;\n${source}`);
    expect(found).toEqual([
      expect.objectContaining({ line: 2, rule: 'window.hitdesk only in the api folder' }),
    ]);
  });
});
