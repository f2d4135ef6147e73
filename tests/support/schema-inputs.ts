import type {
  IntrospectionField,
  IntrospectionInputTypeRef,
  IntrospectionInputValue,
  IntrospectionQuery,
  IntrospectionType,
} from 'graphql';

// Walks an introspected schema for every place a client can put text: each argument of each root
// field, down through input objects and lists. Used to send bad text to every one of them.

export type Path = (string | number)[];

export interface TextPosition {
  operation: 'query' | 'mutation';
  /** The fields leading from the root to the one that takes the argument (empty for a root field). */
  route: IntrospectionField[];
  field: IntrospectionField;
  /** The argument path where the text goes: `["input", "roles", 0, "title"]`. */
  path: Path;
  /** The scalar found there (String, ID, JSON, EmailAddress, ...). */
  scalar: string;
}

const notText = new Set(['Int', 'Float', 'Boolean']);

export class SchemaInputs {
  private readonly types: Map<string, IntrospectionType>;

  constructor(private readonly schema: IntrospectionQuery['__schema']) {
    this.types = new Map(schema.types.map((type) => [type.name, type]));
  }

  /**
   * Every text position of every argument of every field a query or mutation can reach: root
   * fields, and fields of the object types below them (`Skill.people(after:, filter:)`), each with
   * the shortest route to it from the query root.
   */
  textPositions(): TextPosition[] {
    const positions: TextPosition[] = [];
    const roots = [
      ['query', this.schema.queryType?.name],
      ['mutation', this.schema.mutationType?.name],
    ] as const;
    for (const [operation, rootName] of roots) {
      const routes = operation === 'query' ? this.routesFrom(rootName) : new Map([[rootName ?? '', []]]);
      for (const [typeName, route] of routes) {
        const type = this.types.get(typeName);
        if (type?.kind !== 'OBJECT') continue;
        for (const field of type.fields) {
          for (const arg of field.args) {
            for (const { path, scalar } of this.positionsIn(arg.type, [arg.name], new Set())) {
              positions.push({ operation, route, field, path, scalar });
            }
          }
        }
      }
    }
    return positions;
  }

  /** The shortest route from the root to each object type (breadth first). */
  private routesFrom(rootName: string | undefined): Map<string, IntrospectionField[]> {
    const routes = new Map<string, IntrospectionField[]>([[rootName ?? '', []]]);
    const queue = [rootName ?? ''];
    for (let typeName = queue.shift(); typeName !== undefined; typeName = queue.shift()) {
      const type = this.types.get(typeName);
      if (type?.kind !== 'OBJECT') continue;
      for (const field of type.fields) {
        const target = namedType(field.type);
        if (this.types.get(target)?.kind !== 'OBJECT' || routes.has(target)) continue;
        routes.set(target, [...(routes.get(typeName) ?? []), field]);
        queue.push(target);
      }
    }
    return routes;
  }

  /** `field(required: literal, ...)`, as a step of a route. */
  step(field: IntrospectionField): string {
    const args = field.args.filter(isRequired).map((arg) => `${arg.name}: ${this.literal(arg.type, this.valueWith(arg.type, null, ''))}`);
    return args.length > 0 ? `${field.name}(${args.join(', ')})` : field.name;
  }

  private positionsIn(type: IntrospectionInputTypeRef, path: Path, seen: Set<string>): { path: Path; scalar: string }[] {
    if (type.kind === 'NON_NULL') return this.positionsIn(type.ofType, path, seen);
    if (type.kind === 'LIST') return this.positionsIn(type.ofType, [...path, 0], seen);
    if (type.kind === 'SCALAR') return notText.has(type.name) ? [] : [{ path, scalar: type.name }];
    if (type.kind !== 'INPUT_OBJECT' || seen.has(type.name)) return [];
    const input = this.types.get(type.name);
    if (input?.kind !== 'INPUT_OBJECT') return [];
    const inner = new Set(seen).add(type.name);
    return input.inputFields.flatMap((field) => this.positionsIn(field.type, [...path, field.name], inner));
  }

  /**
   * Arguments for `field` that would pass validation, with `text` placed at `path` (and only the
   * required arguments and input fields besides). Returns the values and where the text ended up.
   */
  argumentsWith(field: IntrospectionField, path: Path, text: string): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (arg.name === path[0]) values[arg.name] = this.valueWith(arg.type, path.slice(1), text);
      else if (isRequired(arg)) values[arg.name] = this.valueWith(arg.type, null, text);
    }
    return values;
  }

  private valueWith(type: IntrospectionInputTypeRef, path: Path | null, text: string): unknown {
    if (type.kind === 'NON_NULL') return this.valueWith(type.ofType, path, text);
    if (type.kind === 'LIST') return [this.valueWith(type.ofType, path && path.slice(1), text)];
    if (type.kind === 'ENUM') {
      const enumType = this.types.get(type.name);
      return enumType?.kind === 'ENUM' ? enumType.enumValues[0]?.name : undefined;
    }
    if (type.kind === 'SCALAR') return path ? textValue(type.name, text) : sampleScalar(type.name);
    const input = this.types.get(type.name);
    if (input?.kind !== 'INPUT_OBJECT') throw new Error(`no input type ${type.name}`);
    const value: Record<string, unknown> = {};
    for (const field of input.inputFields) {
      if (path?.[0] === field.name) value[field.name] = this.valueWith(field.type, path.slice(1), text);
      else if (isRequired(field)) value[field.name] = this.valueWith(field.type, null, text);
    }
    return value;
  }

  /** The GraphQL type of an argument, as written in a variable definition. */
  typeName(type: IntrospectionInputTypeRef): string {
    if (type.kind === 'NON_NULL') return `${this.typeName(type.ofType)}!`;
    if (type.kind === 'LIST') return `[${this.typeName(type.ofType)}]`;
    return type.name;
  }

  /** A value written as a GraphQL literal: enums bare, input object keys unquoted. */
  literal(type: IntrospectionInputTypeRef, value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (type.kind === 'NON_NULL') return this.literal(type.ofType, value);
    if (type.kind === 'LIST') return `[${(value as unknown[]).map((item) => this.literal(type.ofType, item)).join(', ')}]`;
    if (type.kind === 'ENUM') return String(value);
    if (type.kind === 'SCALAR') return jsonLiteral(value);
    const input = this.types.get(type.name);
    if (input?.kind !== 'INPUT_OBJECT') throw new Error(`no input type ${type.name}`);
    const fields = new Map(input.inputFields.map((field) => [field.name, field.type]));
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const fieldType = fields.get(key);
      if (!fieldType) throw new Error(`${type.name} has no field ${key}`);
      return `${key}: ${this.literal(fieldType, item)}`;
    });
    return `{ ${entries.join(', ')} }`;
  }

  /** `{ __typename }` where the field returns an object, nothing where it returns a scalar. */
  selection(field: IntrospectionField): string {
    const kind = this.types.get(namedType(field.type))?.kind;
    return kind === 'SCALAR' || kind === 'ENUM' ? '' : '{ __typename }';
  }
}

function namedType(type: IntrospectionField['type']): string {
  return type.kind === 'NON_NULL' || type.kind === 'LIST' ? namedType(type.ofType) : type.name;
}

function isRequired(value: IntrospectionInputValue): boolean {
  return value.type.kind === 'NON_NULL' && value.defaultValue === null;
}

/** Where a JSON scalar takes the text: a value deep inside a document. */
export const jsonTextPath = ['basics', 'name'];

function textValue(scalar: string, text: string): unknown {
  return scalar === 'JSON' ? { basics: { name: text } } : text;
}

function sampleScalar(scalar: string): unknown {
  switch (scalar) {
    case 'ID':
      return 'UGVyc29uOjE';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'PartialDate':
      return '2020';
    case 'EmailAddress':
      return 'someone@example.com';
    case 'URL':
      return 'https://example.com/';
    case 'DateTimeISO':
      return '2020-01-01T00:00:00.000Z';
    case 'JSON':
      return {};
    default:
      return 'sample';
  }
}

/** A JSON value as a GraphQL literal (a JSON scalar's object keys unquoted, as GraphQL writes them). */
function jsonLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${jsonLiteral(item)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}
