import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout's root (where package.json is), whether this runs from dist/ or from source. */
export const projectRoot = (() => {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
  }
  throw new Error(`no package.json above ${__dirname}`);
})();

/** Whether `npm run <name>` exists in this checkout. */
export function hasNpmScript(name: string): boolean {
  const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return scripts?.[name] !== undefined;
}
