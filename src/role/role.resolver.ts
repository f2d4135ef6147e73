import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Person } from '../person/person.entity';
import { profileSections } from '../person/profile-lookahead';
import { Role } from './role.entity';

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Person, { description: 'Whose role this is.' })
  person(@Root() role: Role, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<Person | null> {
    return loaders.personById.load({ key: role.personId, sections: profileSections(info) });
  }
}
