import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { connectionType, listLimit, PageArgs, type Connection } from '../common/connection';
import type { Context } from '../context';
import { Degree } from '../degree/degree.entity';
import { Role } from '../role/role.entity';
import { Skill } from '../skill/skill.entity';
import { Person } from './person.entity';
import { listPeople } from './person.service';

export const PersonConnection = connectionType('Person', Person);

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'The profile with this handle (any case), if there is one.' })
  person(@Arg('handle') handle: string, @Ctx() { loaders }: Context): Promise<Person | null> {
    return loaders.personByHandle.load(handle);
  }

  @Query(() => PersonConnection, { description: 'Every profile, newest first.' })
  people(@Args() args: PageArgs, @Ctx() { db }: Context): Promise<Connection<Person>> {
    return listPeople(db, args);
  }

  @FieldResolver(() => [Role], { description: 'Work history in profile order, most recent first.' })
  roles(
    @Root() person: Person,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Only the first n roles.' }) first?: number | null,
  ): Promise<Role[]> {
    return loaders.rolesByPersonId.load({ parentId: person.id, limit: listLimit('first', first) });
  }

  @FieldResolver(() => [Degree], { description: 'Education in profile order.' })
  degrees(@Root() person: Person, @Ctx() { loaders }: Context): Promise<Degree[]> {
    return loaders.degreesByPersonId.load({ parentId: person.id, limit: null });
  }

  @FieldResolver(() => [Skill], { description: 'Skills in the order the person lists them.' })
  skills(
    @Root() person: Person,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Only the first n skills.' }) first?: number | null,
  ): Promise<Skill[]> {
    return loaders.skillsByPersonId.load({ parentId: person.id, limit: listLimit('first', first) });
  }
}
