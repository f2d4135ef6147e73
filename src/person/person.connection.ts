import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { connectionType, listLimit, type Connection } from '../common/connection';
import type { Context } from '../context';
import { SkillCount } from '../skill/skill-count';
import type { PeopleMatch } from './people-match';
import { exactUpTo, sampleShare } from './people-estimate';
import { Person } from './person.entity';

export const PersonConnection = connectionType('Person', Person);

/** A page of people and which people the whole list holds, for its totals and facets. */
export type PeopleConnection = Connection<Person> & { match: PeopleMatch };

export function withMatch(connection: Connection<Person>, match: PeopleMatch): PeopleConnection {
  // Object.assign leaves the lazy totalCount getter alone; a spread would run the COUNT query.
  return Object.assign(connection, { match });
}

export const defaultFacetCount = 10;

@Resolver(() => PersonConnection)
export class PersonConnectionResolver {
  @FieldResolver(() => Boolean, {
    description: `Whether \`totalCount\` is exact. It is for lists of up to ${exactUpTo.toLocaleString('en')} people; far past that, totalCount (and skillFacets) are estimated from a fixed sample of one person in ${sampleShare}, within a few percent.`,
  })
  totalCountIsExact(@Root() connection: PeopleConnection, @Ctx() { loaders }: Context): Promise<boolean> {
    return loaders.peopleSummaryByMatch.load({ match: connection.match, part: 'count' }).then((summary) => summary.isExact);
  }

  @FieldResolver(() => [SkillCount], {
    description: 'The most common skills among all the people of the list (not only this page), most common first.',
  })
  skillFacets(
    @Root() connection: PeopleConnection,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true, description: `How many skills: ${defaultFacetCount} unless given.` })
    first?: number | null,
  ): Promise<SkillCount[]> {
    const part = { match: connection.match, part: 'facets', first: listLimit('first', first) ?? defaultFacetCount } as const;
    return loaders.peopleSummaryByMatch.load(part).then((summary) => summary.facets);
  }
}
