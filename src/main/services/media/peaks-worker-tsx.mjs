// Starts peaks-worker.ts in a worker thread when the workstation runs from TypeScript (tsx:
// browser mode, tests): Node 20 does not pass tsx's loader on to a worker, so it is registered here.
import { register } from 'tsx/esm/api';

register();
await import('./peaks-worker.ts');
