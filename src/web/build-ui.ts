import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { builtUiDir, projectRoot } from './ui-files';

// `npm run build` (and so `npm start` and `npm test`) ends here: it builds the web UI when its
// build is missing or older than its sources. The stamp is a hash of everything the build reads,
// so a checkout, a schema change or an upgraded package rebuilds it, and nothing else does.
const root = projectRoot();
const stampFile = resolve(builtUiDir(), '.sources-hash');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : filesUnder(path);
    return [path];
  });
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = [...filesUnder(resolve(root, 'web')), resolve(root, 'schema.graphql'), resolve(root, 'package-lock.json')].sort();
  for (const file of files) {
    hash.update(relative(root, file)).update('\0');
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(command: string, args: string[]): void {
  const result = spawnSync(resolve(root, 'node_modules/.bin', command), args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function main(): void {
  const hash = sourcesHash();
  const force = process.argv.includes('--force');
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return;
  console.log('[web] building the web UI (web/ → dist/web)');
  run('graphql-codegen', ['--config', 'web/codegen.ts']);
  run('vite', ['build', '--config', 'web/vite.config.mts', '--logLevel', 'warn']);
  writeFileSync(stampFile, hash);
}

try {
  main();
} catch (error) {
  console.error(`[web] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
