import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDegreeLoaders } from './degree/degree.loaders';
import { createPersonLoaders } from './person/person.loaders';
import { createRoleLoaders } from './role/role.loaders';
import { createSkillLoaders } from './skill/skill.loaders';

export function createLoaders(db: DataSource) {
  return {
    ...createPersonLoaders(db),
    ...createRoleLoaders(db),
    ...createDegreeLoaders(db),
    ...createSkillLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  requestId: string;
  db: DataSource;
  /** Fresh for every request: a cache must never serve one request's rows to another. */
  loaders: Loaders;
}

export function createContext(db: DataSource, requestId: string = randomUUID()): Context {
  return { requestId, db, loaders: createLoaders(db) };
}
