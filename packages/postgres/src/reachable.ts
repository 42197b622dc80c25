import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const uidOf = (user: string): number | undefined => {
  try {
    return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
};

/** The first existing ancestor of `path` that `uid` may not traverse, if any. */
const blockingAncestor = (path: string, uid: number | undefined): string | undefined => {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    try {
      const stat = statSync(dir);
      const traversable =
        (stat.mode & 0o001) !== 0 || (uid !== undefined && stat.uid === uid && (stat.mode & 0o100) !== 0);
      if (!traversable) {
        return dir;
      }
    } catch {
      // Not created yet: mkdir makes it traversable.
    }
    if (dir === dirname(dir)) {
      return undefined;
    }
  }
};

/**
 * As root, PostgreSQL runs as the `postgres` system user, who must reach both its binaries and the
 * data folder. Fail with what to do, rather than with a bare EACCES from deep inside a child process.
 */
export const assertReachableByPostgresUser = (paths: readonly string[]): void => {
  if (process.getuid?.() !== 0) {
    return;
  }
  const uid = uidOf('postgres');
  for (const path of paths) {
    const blocked = blockingAncestor(path, uid);
    if (blocked !== undefined) {
      throw new Error(
        `Embedded PostgreSQL runs as the 'postgres' user when started as root, and that user cannot enter ${blocked} ` +
          `(needed for ${path}). Run as a normal user, allow traversal with \`chmod o+x ${blocked}\`, ` +
          'or point DATABASE_URL at a PostgreSQL server.',
      );
    }
  }
};
