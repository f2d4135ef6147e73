import type { Context } from '../context';
import { forgetProfileReads } from '../context';
import type { Person } from '../person/person.entity';
import { noSections } from '../person/profile-lookahead';
import { notFound } from './errors';

/** After a write: forget what the request read, then load the person afresh for the payload. */
export async function personAfterWrite({ loaders }: Pick<Context, 'loaders'>, personId: number): Promise<Person> {
  forgetProfileReads(loaders);
  const person = await loaders.personById.load({ key: personId, sections: noSections });
  if (!person) throw notFound('Person', String(personId));
  return person;
}
