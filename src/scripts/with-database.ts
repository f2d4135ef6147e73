import { spawn } from 'node:child_process';
import { loadConfigOrExit } from '../config';
import { ensureDatabase } from '../database/open-database';
import { runScript } from './run-script';

// Runs a command (the TypeORM CLI) with DATABASE_URL pointing at the service's database, starting
// the embedded PostgreSQL for the duration when no DATABASE_URL is set.
async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database <command> [args...]');
  const config = loadConfigOrExit();
  const database = await ensureDatabase(config, (line) => console.error(`[database] ${line}`), { share: true });
  try {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: database.url },
    });
    return await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await database.stopEmbedded();
  }
}

runScript(main);
