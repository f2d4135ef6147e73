import type { DataSource } from 'typeorm';
import { pageWindow, type Connection, type PageArgs } from '../common/connection';
import { parseTimestampIdKey } from '../common/cursor';
import { fetchKeysetPage } from '../common/keyset';
import type { Person } from './person.entity';
import { personKey, personOrder } from './person.order';

/** A page of everyone, newest first. */
export function listPeople(db: DataSource, args: PageArgs): Promise<Connection<Person>> {
  const window = pageWindow(args, parseTimestampIdKey);
  return fetchKeysetPage(db, { name: 'person', alias: 'p' }, personOrder('p'), window, personKey);
}
