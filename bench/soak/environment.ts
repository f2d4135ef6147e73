import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { signToken } from '../../src/auth/sign-token';
import { loadConfig } from '../../src/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { loadProfile } from '../../src/seed/load-profile';
import { peterCai } from '../../src/seed/petercai';
import { startServer, type RunningServer } from '../benchmark/server-process';
import { freePort } from '../free-port';
import { syntheticProfile } from '../synthetic-profile';
import type { SoakOptions } from './options';
import type { WriteTarget } from './writers';

export interface SoakEnvironment {
  server: RunningServer;
  databaseUrl: string;
  /** The profiles the writers edit, each with its owner's token. */
  targets: WriteTarget[];
  /** Stops the server (resolving to its exit code) and PostgreSQL, and removes their files. */
  close(): Promise<number | null>;
}

/** The profiles: the seed profile and `people` synthetic ones, the first `profiles` owned by their handles. */
async function loadProfiles(databaseUrl: string, options: SoakOptions): Promise<void> {
  const db = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: databaseUrl })));
  await db.initialize();
  try {
    await db.runMigrations();
    await loadProfile(db, peterCai);
    for (let n = 0; n < options.people; n++) {
      const profile = syntheticProfile(n);
      await loadProfile(db, profile, n < options.profiles ? profile.handle : null);
    }
  } finally {
    await db.destroy();
  }
}

/**
 * A PostgreSQL of its own (embedded, in a temporary folder) with the profiles loaded, and the
 * production build serving it with a JWT secret made up for the run.
 */
export async function startSoakEnvironment(options: SoakOptions): Promise<SoakEnvironment> {
  const workDir = await mkdtemp(join(tmpdir(), 'profilegraph-soak-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
  await chmod(workDir, 0o755);
  let postgres: EmbeddedPostgres | undefined;
  let server: RunningServer | undefined;
  const close = async () => {
    const exitCode = (await server?.stop()) ?? null;
    await postgres?.stop();
    await rm(workDir, { recursive: true, force: true });
    return exitCode;
  };
  try {
    postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: await freePort() });
    await loadProfiles(postgres.url, options);
    const jwtSecret = randomBytes(32).toString('hex');
    server = await startServer('profilegraph', { databaseUrl: postgres.url, poolSize: 10, env: { JWT_SECRET: jwtSecret } });
    // Signed as `npm run token` signs them, with the secret the server was given.
    const auth = loadConfig({ NODE_ENV: 'production', JWT_SECRET: jwtSecret });
    const targets = await Promise.all(
      Array.from({ length: options.profiles }, async (_, n) => {
        const handle = syntheticProfile(n).handle;
        return { handle, authorization: `Bearer ${await signToken(auth, { subject: handle, expires: '1d' })}` };
      }),
    );
    return { server, databaseUrl: postgres.url, targets, close };
  } catch (error) {
    await close();
    throw error;
  }
}
