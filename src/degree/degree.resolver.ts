import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Person } from '../person/person.entity';
import { Degree } from './degree.entity';

@Resolver(() => Degree)
export class DegreeResolver {
  @FieldResolver(() => Person, { description: 'Whose degree this is.' })
  person(@Root() degree: Degree, @Ctx() { loaders }: Context): Promise<Person | null> {
    return loaders.personById.load(degree.personId);
  }
}
