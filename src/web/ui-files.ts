import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The project's root: the nearest folder above this file with a package.json (from src/ or dist/src/). */
export function projectRoot(from: string = __dirname): string {
  let folder = from;
  while (!existsSync(resolve(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${from}`);
    folder = parent;
  }
  return folder;
}

/** Where `npm run build` puts the web UI's production build (web/vite.config.ts says the same). */
export function builtUiDir(): string {
  return resolve(projectRoot(), 'dist/web');
}
