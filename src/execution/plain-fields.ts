import { GraphQLEnumType, GraphQLScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Fields whose value is computed when read (a getter returning a Promise), so they keep a resolver
 * that awaits it: Connection.totalCount counts only when a client asks (see toConnection).
 */
const computedOnRead: ReadonlySet<string> = new Set(['totalCount']);

/** Scalars and enums, as type-graphql records them: classes of JS primitives, scalar objects, enum objects. */
function isLeafType(type: unknown): boolean {
  if (type === String || type === Number || type === Boolean || type === Date) return true;
  if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) return true;
  return getMetadataStorage().enums.some((registered) => registered.enumObj === type);
}

/**
 * Lets graphql read plain data fields straight off the object, as type-graphql's own
 * `@ObjectType({ simpleResolvers: true })` does, instead of through the resolver type-graphql
 * otherwise gives every `@Field` property (a function call, a resolver-data object and a
 * middleware dispatch per field, per row). Compiled queries (graphql-jit) then read these fields
 * inline. Call before buildSchema.
 *
 * Only fields of scalar or enum type (or lists of them), with no middlewares or roles, and whose
 * property has the field's name. A field whose value may be a Promise must keep a resolver: this
 * service has one, listed in `computedOnRead`. Should another appear unlisted, graphql-js still
 * awaits it, and a compiled query sees a value its scalar refuses, which sends that request back
 * to graphql-js (see compiled-queries.ts): slower, never wrong. Fields of object type keep their
 * resolvers for that reason: an unawaited Promise there would read as an object.
 */
export function markPlainFieldsSimple(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple !== undefined || field.middlewares?.length || field.roles?.length) continue;
    if (field.name !== field.schemaName || computedOnRead.has(field.name)) continue;
    if (!isLeafType(field.getType())) continue;
    field.simple = true;
  }
}
