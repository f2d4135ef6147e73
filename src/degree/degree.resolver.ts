import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Person } from '../person/person.entity';
import { profileSections } from '../person/profile-lookahead';
import { Degree } from './degree.entity';

@Resolver(() => Degree)
export class DegreeResolver {
  @FieldResolver(() => Person, { description: 'Whose degree this is.' })
  person(@Root() degree: Degree, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<Person | null> {
    return loaders.personById.load({ key: degree.personId, sections: profileSections(info) });
  }
}
