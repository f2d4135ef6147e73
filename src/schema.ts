import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { NodeResolver } from './common/node.resolver';
import { DegreeMutationResolver } from './degree/degree.mutations';
import { DegreeResolver } from './degree/degree.resolver';
import { useLeanResolvers } from './execution/lean-resolvers';
import { useSyncResolveTypes } from './execution/sync-resolve-type';
import { PersonUpdatedResolver } from './live/person-updated.resolver';
import { PersonMutationResolver } from './person/person.mutations';
import { PersonConnectionResolver } from './person/person.connection';
import { PersonResolver } from './person/person.resolver';
import { ResumeMutationResolver } from './resume/resume.mutations';
import { RoleMutationResolver } from './role/role.mutations';
import { RoleResolver } from './role/role.resolver';
import { SkillMutationResolver } from './skill/skill.mutations';
import { SkillResolver } from './skill/skill.resolver';

const resolvers = [
  NodeResolver,
  PersonResolver,
  PersonConnectionResolver,
  PersonMutationResolver,
  RoleResolver,
  RoleMutationResolver,
  DegreeResolver,
  DegreeMutationResolver,
  SkillResolver,
  SkillMutationResolver,
  ResumeMutationResolver,
  PersonUpdatedResolver,
] as const;

/** The code-first schema; `schema.graphql` is this, printed (npm run schema:print). */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    // class-validator rules on every input; formatError flattens their reports.
    validate: true,
    // type-graphql requires one even though every subscription brings its own `subscribe`, which
    // takes the instance's change events from its context (live/person-updated.resolver.ts).
    pubSub: createPubSub(),
    // No globalMiddlewares and no authChecker: useLeanResolvers relies on it.
  });
  useSyncResolveTypes(schema);
  useLeanResolvers(schema, resolvers);
  return schema;
}
