import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { decodeCursor, encodeCursor, type CursorKey } from './cursor';
import { badUserInput } from './errors';

export const defaultPageSize = 20;
export const maxPageSize = 100;

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
// Every subgraph with Relay connections defines this same value type: in a supergraph, each resolves its own.
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * A page as resolvers return it. `totalCount` is a getter so that the COUNT query runs only when a
 * client selects the field (and once, however often it is selected).
 */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** The GraphQL `<Name>Connection` and `<Name>Edge` types for a node type. */
export function connectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque; pass it as `after` or `before` to continue from this edge.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }

  return ConnectionType;
}

@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: ${defaultPageSize} unless given, at most ${maxPageSize}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Start after this cursor.' })
  after?: string | null;
}

@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Page size counted back from \`before\` (or the end), at most ${maxPageSize}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'End before this cursor.' })
  before?: string | null;
}

/** A list that pages by keyset: its name (in its cursors) and how a row's sort key is made. */
export interface CursorList<R, K extends CursorKey> {
  name: string;
  keyOf(row: R): K;
  parseKey: (values: readonly unknown[]) => K | null;
}

/** A validated page request: how many rows, from which end, between which keys. */
export interface PageWindow<K extends CursorKey> {
  size: number;
  backward: boolean;
  after: K | null;
  before: K | null;
}

/** Checks the sizes of a page request and decodes its cursors, naming the argument at fault. */
export function pageWindow<K extends CursorKey>(args: ForwardPageArgs & Partial<PageArgs>, list: CursorList<never, K>): PageWindow<K> {
  const { first, last } = args;
  if (first != null && last != null) throw badUserInput('last', 'pass either first or last, not both');
  for (const [argument, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 0 || value > maxPageSize)) {
      throw badUserInput(argument, `must be between 0 and ${maxPageSize}; got ${value}`);
    }
  }
  return {
    size: first ?? last ?? defaultPageSize,
    // `before` alone reads the page that ends there, like `last`.
    backward: last != null || (first == null && args.before != null),
    after: args.after != null ? decodeCursor(list.name, 'after', args.after, list.parseKey) : null,
    before: args.before != null ? decodeCursor(list.name, 'before', args.before, list.parseKey) : null,
  };
}

/**
 * Turns the rows fetched for a window (at most size + 1, in the window's reading direction) into a
 * page. The extra row only tells that there is more.
 */
export function toConnection<T, K extends CursorKey>(
  rows: readonly T[],
  window: PageWindow<K>,
  list: CursorList<T, K>,
  totalCount: () => Promise<number>,
): Connection<T> {
  const hasMore = rows.length > window.size;
  const nodes = rows.slice(0, window.size);
  if (window.backward) nodes.reverse();
  const edges = nodes.map((node) => ({ cursor: encodeCursor(list.name, list.keyOf(node)), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: window.backward ? window.before !== null : hasMore,
      hasPreviousPage: window.backward ? hasMore : window.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      total ??= totalCount();
      return total;
    },
  };
}

/** Validates the `first` of a plain list field (`roles(first:)`): null means the whole list. */
export function listLimit(argument: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (value < 0 || value > maxPageSize) throw badUserInput(argument, `must be between 0 and ${maxPageSize}; got ${value}`);
  return value;
}
