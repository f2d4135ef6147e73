import type { DataSource } from 'typeorm';
import { pageWindow, type Connection, type PageArgs } from '../common/connection';
import { fetchKeysetPage } from '../common/keyset';
import type { Person } from './person.entity';
import { peopleList, personOrder } from './person.order';

/** A page of everyone, newest first. */
export function listPeople(db: DataSource, args: PageArgs): Promise<Connection<Person>> {
  return fetchKeysetPage(db, { name: 'person', alias: 'p' }, personOrder('p'), pageWindow(args, peopleList), peopleList);
}
