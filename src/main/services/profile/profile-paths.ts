import { dirname, join } from 'node:path';
import { idSchema } from '../../../shared/domain/common';

/** The path of a HITer's database; the user id comes from the server, so it is checked first. */
export function profileDbPath(dataDir: string, userId: string): string {
  if (!idSchema.safeParse(userId).success) {
    throw new Error(`refusing to use "${userId}" as a profile folder: the server's user id must be a uuid`);
  }
  return join(dataDir, 'profiles', userId.toLowerCase(), 'profile.db');
}

/** The folder of everything one HITer keeps on this laptop: database and media. */
export function profileDir(dataDir: string, userId: string): string {
  return dirname(profileDbPath(dataDir, userId));
}
