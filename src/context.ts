import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/viewer';
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
  /** The signed-in account, or null for an anonymous request. */
  viewer: Viewer | null;
  db: DataSource;
  /** Fresh for every request: a cache must never serve one request's rows to another. */
  loaders: Loaders;
}

export function createContext(db: DataSource, requestId: string = randomUUID(), viewer: Viewer | null = null): Context {
  return { requestId, viewer, db, loaders: createLoaders(db) };
}
