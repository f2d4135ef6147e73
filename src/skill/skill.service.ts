import type { DataSource } from 'typeorm';
import { pageWindow, type Connection, type ForwardPageArgs } from '../common/connection';
import { parseTextIdKey, type TextIdKey } from '../common/cursor';
import { fetchKeysetPage, type KeysetOrder } from '../common/keyset';
import type { Skill } from './skill.entity';

const skillsByName: KeysetOrder = {
  columns: [
    { sql: 's.name', type: 'text' },
    { sql: 's.id', type: 'int' },
  ],
  direction: 'ASC',
};

const skillKey = (skill: Skill): TextIdKey => [skill.name, skill.id];

/** A page of the skill directory, in name order. */
export function listSkills(db: DataSource, args: ForwardPageArgs): Promise<Connection<Skill>> {
  const window = pageWindow(args, parseTextIdKey);
  return fetchKeysetPage(db, { name: 'skill', alias: 's' }, skillsByName, window, skillKey);
}
