import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { dataSource } from '../../ormconfig';
import { loadConfigOrExit } from '../config';
import { connect, ensureDatabase } from '../database/open-database';
import { handlePattern } from '../person/person.inputs';
import { resumeToProfile, validateResume } from '../resume/json-resume';
import { loadProfile } from '../seed/load-profile';

// npm run import -- path/to/resume.json [--handle <handle>] [--owner <token subject>]
// Creates or replaces the profile from a JSON Resume document, as the importResume mutation does,
// with the rights of whoever can run commands against the database. The handle defaults to the
// file's name (petercai.json → petercai), the owner to the handle.
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { handle: { type: 'string' }, owner: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file) throw new Error('usage: npm run import -- path/to/resume.json [--handle <handle>] [--owner <subject>]');
  const handle =
    values.handle ??
    basename(file)
      .replace(/\.json$/i, '')
      .toLowerCase();
  if (!handlePattern.test(handle)) throw new Error(`${JSON.stringify(handle)} is not a handle: pass --handle`);

  const validation = validateResume(JSON.parse(await readFile(file, 'utf8')));
  if (!validation.ok) {
    for (const problem of validation.problems) console.error(`${problem.path || '(document)'}: ${problem.message}`);
    throw new Error(`${file} is not a valid JSON Resume document; nothing was imported`);
  }

  const config = loadConfigOrExit();
  const log = (line: string) => console.log(`[import] ${line}`);
  const database = await ensureDatabase(config, log, { share: true });
  try {
    await connect(dataSource, database.url, { runMigrations: config.MIGRATIONS_RUN, waitMs: config.DB_STARTUP_WAIT_MS, log });
    await loadProfile(dataSource, resumeToProfile(handle, validation.resume), values.owner ?? handle);
    log(`Imported ${file} as ${handle}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stopEmbedded();
  }
}

main().catch((error: unknown) => {
  console.error(`[import] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
