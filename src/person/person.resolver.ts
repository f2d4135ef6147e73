import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { listLimit } from '../common/connection';
import { mayReadContactDetails } from '../auth/viewer';
import type { Context } from '../context';
import { Degree } from '../degree/degree.entity';
import type { JsonResume } from '../resume/json-resume.types';
import { exportResume } from '../resume/resume.service';
import { Role } from '../role/role.entity';
import { Skill } from '../skill/skill.entity';
import { Person } from './person.entity';
import { PersonConnection, type PeopleConnection } from './person.connection';
import { PeopleArgs } from './person.filter';
import { listPeople } from './person.service';
import { listedProfileSections, profileSections } from './profile-lookahead';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'The profile with this handle (any case), if there is one.' })
  person(@Arg('handle') handle: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<Person | null> {
    return loaders.personByHandle.load({ key: handle, sections: profileSections(info) });
  }

  @Query(() => Person, { nullable: true, description: 'The profile of the signed-in account; null when anonymous or when it has none.' })
  viewer(@Ctx() { viewer, loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<Person | null> | null {
    return viewer && loaders.personBySubject.load({ key: viewer.subject, sections: profileSections(info) });
  }

  @Query(() => PersonConnection, {
    description: 'Profiles, all or those a filter matches: newest first, or best match first when searching.',
  })
  people(@Args() args: PeopleArgs, @Ctx() { db, loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<PeopleConnection> {
    return listPeople(db, loaders, args, listedProfileSections(info));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for the person and admins; null for everyone else.' })
  email(@Root() person: Person, @Ctx() { viewer }: Context): string | null {
    return mayReadContactDetails(viewer, person) ? person.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for the person and admins; null for everyone else.' })
  phone(@Root() person: Person, @Ctx() { viewer }: Context): string | null {
    return mayReadContactDetails(viewer, person) ? person.phone : null;
  }

  @FieldResolver(() => GraphQLJSON, {
    description: 'The whole profile as a JSON Resume document (jsonresume.org); also at GET /people/{handle}/resume.json.',
  })
  resume(@Root() person: Person, @Ctx() context: Context): Promise<JsonResume> {
    return exportResume(person, context);
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
