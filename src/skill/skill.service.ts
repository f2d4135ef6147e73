import type { DataSource } from 'typeorm';
import { pageWindow, type Connection, type CursorList, type ForwardPageArgs } from '../common/connection';
import { parseTextIdKey, type TextIdKey } from '../common/cursor';
import { fetchKeysetPage, type KeysetOrder } from '../common/keyset';
import type { Skill } from './skill.entity';

// Alphabetical for people (asyncio beside Apache, not after Zookeeper), the same on every server
// whatever its default collation: ICU's root collation ships with PostgreSQL builds that have ICU.
const skillsByName: KeysetOrder = {
  columns: [
    { sql: 's.name COLLATE "und-x-icu"', type: 'text' },
    { sql: 's.id', type: 'int' },
  ],
  direction: 'ASC',
};

const skillDirectory: CursorList<Skill, TextIdKey> = {
  name: 'skills',
  keyOf: (skill) => [skill.name, skill.id],
  parseKey: parseTextIdKey,
};

/** A page of the skill directory, in name order. */
export function listSkills(db: DataSource, args: ForwardPageArgs): Promise<Connection<Skill>> {
  return fetchKeysetPage(db, { name: 'skill', alias: 's' }, skillsByName, pageWindow(args, skillDirectory), skillDirectory);
}
