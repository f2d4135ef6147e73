import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Person } from '../person/person.entity';
import { Role } from './role.entity';

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Person, { description: 'Whose role this is.' })
  person(@Root() role: Role, @Ctx() { loaders }: Context): Promise<Person | null> {
    return loaders.personById.load(role.personId);
  }
}
