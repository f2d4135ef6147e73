import { isObjectType, type GraphQLSchema } from 'graphql';
import { createSchema } from '../src/schema';

// Which fields keep a resolver after useLeanResolvers (see src/execution/lean-resolvers.ts).

let schema: GraphQLSchema;

beforeAll(async () => {
  // Twice: the second build must not be confused by the metadata the first one left.
  await createSchema();
  schema = await createSchema();
});

function field(typeName: string, fieldName: string) {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const found = type.getFields()[fieldName];
  if (!found) throw new Error(`${typeName}.${fieldName} does not exist`);
  return found;
}

test('scalar properties are read by graphql itself', () => {
  for (const [type, name] of [
    ['Person', 'handle'],
    ['Person', 'createdAt'],
    ['Person', 'authorizedToWorkIn'],
    ['Role', 'startDate'],
    ['PageInfo', 'endCursor'],
  ]) {
    expect(field(type as string, name as string).resolve).toBeUndefined();
  }
});

test('a property that may hold a Promise, and object-typed properties, keep a resolver that reads them', async () => {
  const totalCount = field('PersonConnection', 'totalCount').resolve;
  expect(await totalCount?.({ totalCount: Promise.resolve(7) }, {}, {}, {} as never)).toBe(7);
  expect(field('PersonConnection', 'edges').resolve?.({ edges: ['e'] }, {}, {}, {} as never)).toEqual(['e']);
});

test('field resolvers that need nothing of type-graphql are called directly, with the same arguments', async () => {
  const person = { id: 1, subject: 'petercai', email: 'peter@example.com' };
  const email = field('Person', 'email').resolve;
  expect(email?.(person, {}, { viewer: { subject: 'petercai', admin: false } }, {} as never)).toBe('peter@example.com');
  expect(email?.(person, {}, { viewer: null }, {} as never)).toBeNull();
  const id = field('Skill', 'id').resolve;
  expect(id?.({ id: 5 }, {}, {}, { parentType: schema.getType('Skill') } as never)).toBe(Buffer.from('Skill:5').toString('base64url'));
});
