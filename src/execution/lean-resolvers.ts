import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLScalarType,
  GraphQLString,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

// type-graphql resolves every field through generic handlers, costly per field and per row; this
// replaces them where they cannot make a difference.
//
// @Field properties: type-graphql gives each a resolver (a function call, a resolver-data object
// and a middleware dispatch). Without middlewares or roles, a scalar or enum field becomes a plain
// property read by graphql itself (no resolver, as `@ObjectType({ simpleResolvers: true })` would
// make it, which compiled queries inline), and any other field a direct read of the property.
// A field whose value may be a Promise (a getter) must keep a resolver, which graphql awaits: this
// service has one, listed in `computedOnRead`. Should another appear unlisted, graphql-js still
// awaits it, and a compiled query sees a value its scalar refuses, which sends that request back
// to graphql-js (see compiled-queries.ts): slower, never wrong. Fields of object type always keep
// a resolver for that reason: an unawaited Promise there would read as an object.
//
// @Query and @FieldResolver methods: type-graphql calls each through a generic handler: per call it
// builds a resolver-data object, asks the container for the resolver instance, dispatches the
// (empty) middleware chain, sorts the parameter list, copies the @Root() value into a new
// instance of its class, and runs every @Arg() through an async validation step, so that even
// `roles(first: 3)` only starts loading after a round of promises. For the methods where none of
// that can make a difference, this installs a direct call with the same arguments.
//
// A method qualifies when:
// - it has no middlewares and no roles (and the schema has no global middlewares nor authChecker:
//   the caller says so by calling this at all);
// - its class has a no-argument constructor (type-graphql's default container also just `new`s it;
//   resolver classes here hold no state, so one instance of our own behaves the same);
// - every parameter is @Ctx() (whole or a property), @Info(), @Arg() of a scalar whose values are
//   JS primitives (String, Int, Float, Boolean, ID, with no validation settings of its own: class-
//   validator only looks at objects), or @Root() of a class whose prototype has nothing but its
//   constructor (a copy into such an instance differs from the value only in its prototype).
// Anything else (@Args() classes, input types, custom scalars, middlewares) keeps type-graphql's
// handler.

type AnyResolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;
type FieldMetadata = ReturnType<typeof getMetadataStorage>['fields'][number];

/** Connection.totalCount is a getter returning a Promise: the COUNT runs only when asked for. */
const computedOnRead: ReadonlySet<string> = new Set(['totalCount']);

/** Scalars and enums, as type-graphql records a field's type. */
function isLeafType(type: unknown): boolean {
  if (type === String || type === Number || type === Boolean || type === Date) return true;
  if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) return true;
  return getMetadataStorage().enums.some((registered) => registered.enumObj === type);
}

/** The resolver of a @Field property: none (graphql reads it), a direct read, or null to keep type-graphql's. */
function propertyResolver(field: FieldMetadata): AnyResolver | undefined | null {
  if (field.middlewares?.length || field.roles?.length) return null;
  const name = field.name;
  if (name === field.schemaName && !computedOnRead.has(name) && isLeafType(field.getType())) return undefined;
  return (root) => (root as Record<string, unknown>)[name];
}
type ParamGetter = (root: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;
type Params = NonNullable<ReturnType<typeof getMetadataStorage>['queries'][number]['params']>;

const primitiveScalars: readonly unknown[] = [String, Number, Boolean, GraphQLString, GraphQLInt, GraphQLFloat, GraphQLBoolean, GraphQLID];

function isPlainDataClass(type: unknown): boolean {
  if (typeof type !== 'function') return false;
  const prototype: unknown = type.prototype;
  if (typeof prototype !== 'object' || prototype === null) return false;
  // Object itself: type-graphql's copy only applies to class instances, not to plain objects.
  return type === Object || Reflect.ownKeys(prototype).every((key) => key === 'constructor');
}

function paramGetter(param: Params[number]): ParamGetter | null {
  switch (param.kind) {
    case 'context': {
      const property = param.propertyName;
      return property === undefined
        ? (_root, _args, context) => context
        : (_root, _args, context) => Reflect.get(context as object, property);
    }
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'root':
      if (param.propertyName !== undefined) return null;
      if (param.getType && !isPlainDataClass(param.getType())) return null;
      return (root) => root;
    case 'arg': {
      if (param.validateSettings !== undefined || param.validateFn !== undefined || param.typeOptions.array) return null;
      if (!primitiveScalars.includes(param.getType())) return null;
      const name = param.name;
      return (_root, args) => args[name];
    }
    default:
      return null;
  }
}

interface Handler {
  target: Function;
  methodName: string;
  params?: Params;
  middlewares?: unknown[];
  roles?: unknown[];
}

/** The direct call for a method, or null when it does not qualify. */
function leanResolver(handler: Handler, instances: Map<Function, object>): AnyResolver | null {
  if (handler.middlewares?.length || handler.roles?.length) return null;
  const { target, methodName } = handler;
  if (target.length !== 0) return null;
  const getters: ParamGetter[] = [];
  for (const param of [...(handler.params ?? [])].sort((a, b) => a.index - b.index)) {
    const getter = paramGetter(param);
    if (!getter) return null;
    getters[param.index] = getter;
  }
  if (getters.length !== (handler.params?.length ?? 0)) return null; // a gap: some parameter type-graphql does not know
  let instance = instances.get(target);
  if (!instance) {
    instance = Reflect.construct(target, []) as object;
    instances.set(target, instance);
  }
  const method: unknown = Reflect.get(instance, methodName);
  if (typeof method !== 'function') return null;
  const self = instance;
  return (root, args, context, info) => {
    const values = new Array<unknown>(getters.length);
    for (let i = 0; i < getters.length; i++) values[i] = (getters[i] as ParamGetter)(root, args, context, info);
    return Reflect.apply(method, self, values);
  };
}

/**
 * Replaces type-graphql's handlers of qualifying @Query and @FieldResolver methods with direct
 * calls. `resolvers` are the classes given to buildSchema (type-graphql only uses their methods).
 * Call after buildSchema, for a schema built without global middlewares or authChecker.
 */
export function useLeanResolvers(schema: GraphQLSchema, resolvers: readonly Function[]): void {
  const storage = getMetadataStorage();
  const instances = new Map<Function, object>();
  const queryType = schema.getQueryType();

  for (const query of storage.queries) {
    if (!resolvers.includes(query.target)) continue;
    const field = queryType?.getFields()[query.schemaName];
    const lean = field && leanResolver(query, instances);
    if (field && lean) field.resolve = lean;
  }

  // As type-graphql picks a type's field resolvers: the type's own fields and those of the
  // interfaces it implements, each resolved by the external @FieldResolver of the declaring class.
  const fieldResolvers = storage.fieldResolvers.filter((it) => it.kind === 'internal' || resolvers.includes(it.target));
  // The metadata storage is global: a process that loads the classes again (jest, one module
  // registry per test file) holds an entry per load. The latest one is the class in this schema.
  const objectTypes = new Map(storage.objectTypes.map((objectType) => [objectType.name, objectType]));
  for (const objectType of objectTypes.values()) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const implemented = storage.interfaceTypes.filter((it) => objectType.interfaceClasses?.includes(it.target));
    // By schema name, the type's own fields after (and over) its interfaces' ones.
    const fieldsMetadata = new Map(
      [...implemented.flatMap((it) => it.fields ?? []), ...(objectType.fields ?? [])].map((field) => [field.schemaName, field]),
    );
    const graphqlFields = type.getFields();
    for (const fieldMetadata of fieldsMetadata.values()) {
      const fieldResolver = fieldResolvers.find(
        (it) => it.getObjectType?.() === fieldMetadata.target && it.methodName === fieldMetadata.name,
      );
      const field = graphqlFields[fieldMetadata.schemaName];
      if (!field) continue;
      if (!fieldResolver) {
        // A property; a field that is already simple has no resolver to replace.
        const resolver = field.resolve && propertyResolver(fieldMetadata);
        if (resolver !== null) field.resolve = resolver;
        continue;
      }
      if (fieldResolver.kind !== 'external') continue;
      const lean = leanResolver(fieldResolver, instances);
      if (lean) field.resolve = lean;
    }
  }
}
