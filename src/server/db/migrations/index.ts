import { migration0001 } from './0001_init';
import { migration0002 } from './0002_media';
import { migration0003 } from './0003_work';
import { migration0004 } from './0004_lease_requests';
import { migration0005 } from './0005_project_media';
import { migration0006 } from './0006_project_seq';
import { migration0007 } from './0007_hot_path';
import { migration0008 } from './0008_history_writes';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
];
