import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, visit, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config';
import { defaultPageSize } from './connection';

export type QueryLimits = Pick<Config, 'MAX_QUERY_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_TOKENS' | 'MAX_QUERY_COST'>;

export const LimitCode = {
  Depth: 'DEPTH_LIMIT_EXCEEDED',
  Aliases: 'ALIAS_LIMIT_EXCEEDED',
  Directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  Tokens: 'TOKEN_LIMIT_EXCEEDED',
  Cost: 'COST_LIMIT_EXCEEDED',
} as const;

function limitError(code: string, what: string, limit: number, found: number | null): GraphQLError {
  const measured = found === null ? `more than ${limit}` : `${found}`;
  return new GraphQLError(`Query refused: ${what} is ${measured}, at most ${limit} allowed`, {
    extensions: { code, limit, found, http: { status: 400 } },
  });
}

// graphql-armor measures; its own error carries no code of its own, so report ours instead,
// with the limit and the measured value it states ("... limit of 12 exceeded, found 14.").
type ArmorRule = (options: {
  n: number;
  exposeLimits: boolean;
  propagateOnRejection: boolean;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
}) => ValidationRule;

function armorRule(rule: ArmorRule, limit: number, code: string, what: string): ValidationRule {
  return rule({
    n: limit,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(limitError(code, what, limit, found === undefined ? null : Number(found)));
      },
    ],
  });
}

/** Depth, aliases and directives, checked while the query is validated (before anything runs). */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    armorRule(maxDepthRule, limits.MAX_QUERY_DEPTH, LimitCode.Depth, 'the depth'),
    armorRule(maxAliasesRule, limits.MAX_ALIASES, LimitCode.Aliases, 'the number of aliases'),
    armorRule(maxDirectivesRule, limits.MAX_DIRECTIVES, LimitCode.Directives, 'the number of directives'),
  ];
}

/** graphql-js aborts parsing past `maxTokens` with this message (sic: "more that"). */
export function tokenLimitError(message: string, limit: number): GraphQLError | null {
  return /Document contains more that \d+ tokens/.test(message) ? limitError(LimitCode.Tokens, 'the number of tokens', limit, null) : null;
}

// A list field costs its items' cost times how many items it may return: `first`/`last` (the page
// size when omitted) for paged fields, the number of IDs for nodes(ids:), the number of
// representations for the federation subgraph's _entities. Everything else costs 1. These are the
// only arguments the estimate reads (see costRelevantVariables).
const costArguments: ReadonlySet<string> = new Set(['first', 'last', 'ids', 'representations']);

// A representation costs 2 plus what is selected on it: its lookup (as person(handle:) costs 1) and
// its key, which comes in the variables, where the document's size does not bound how many there
// are. At the default MAX_QUERY_COST a request may hold thousands of them, and 10,000 are refused.
const costPerRepresentation = 2;

const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (Array.isArray(args.ids)) return 1 + childComplexity * args.ids.length;
  if (Array.isArray(args.representations)) return 1 + (costPerRepresentation + childComplexity) * args.representations.length;
  if (!field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return undefined;
  const size = Number(args.first ?? args.last ?? defaultPageSize);
  return 1 + childComplexity * Math.max(size, 1);
};

/**
 * The variables an operation's estimated cost can depend on: those used in a cost argument
 * (`first`, `last`, `ids`) or in a directive (`@include(if:)`, `@skip(if:)` decide what is
 * counted). Every other variable (a handle, a cursor) leaves the cost as it is.
 */
function costRelevantVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let depth = 0; // > 0 while inside a cost argument or a directive
  const enter = () => void depth++;
  const leave = () => void depth--;
  visit(document, {
    Argument: {
      enter: (node) => void (costArguments.has(node.name.value) && depth++),
      leave: (node) => void (costArguments.has(node.name.value) && depth--),
    },
    Directive: { enter, leave },
    Variable: (node) => void (depth > 0 && names.add(node.name.value)),
    // A variable's definition is not a use of it.
    VariableDefinition: () => false,
  });
  return [...names].sort();
}

// Costs of documents already seen, keyed by the operation and the values of the variables that the
// cost depends on. Apollo keeps one DocumentNode per query text (its document cache), so a client
// repeating an operation with other handles or cursors gets its cost without another analysis.
// Only costs that were computed are kept: variables that do not fit the operation are never cached.
const maxCostsPerDocument = 1000;
const maxCostKeyLength = 1000;
const costCache = new WeakMap<DocumentNode, { relevant: string[]; costs: Map<string, number> }>();

function cachedCost(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  compute: () => number,
): number {
  let entry = costCache.get(document);
  if (!entry) {
    entry = { relevant: costRelevantVariables(document), costs: new Map() };
    costCache.set(document, entry);
  }
  // [value] for a variable given (null included), [] for one left out (its default applies).
  const given = entry.relevant.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : []));
  const key = JSON.stringify([operationName ?? null, given]);
  const known = entry.costs.get(key);
  if (known !== undefined) return known;
  const cost = compute();
  if (key.length <= maxCostKeyLength) {
    if (entry.costs.size >= maxCostsPerDocument) entry.costs.clear();
    entry.costs.set(key, cost);
  }
  return cost;
}

/**
 * The operation's estimated cost, or null when its variables do not fit it: execution refuses
 * them with a proper BAD_USER_INPUT before anything runs, so there is nothing to cost.
 */
export function estimatedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number | null {
  try {
    return cachedCost(document, operationName, variables, () =>
      getComplexity({
        schema,
        query: document,
        variables,
        operationName,
        estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
      }),
    );
  } catch {
    return null;
  }
}

/** The error for an operation whose estimated cost is over the limit (HTTP and WebSocket alike). */
export function costLimitError(limit: number, cost: number): GraphQLError | null {
  return cost > limit ? limitError(LimitCode.Cost, 'the estimated cost', limit, cost) : null;
}

/** Refuses, before execution, an operation whose estimated cost is over the limit. */
export function queryCostPlugin<TContext extends object>(limit: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = estimatedCost(schema, document, request.operationName ?? undefined, request.variables ?? {});
          const refused = cost === null ? null : costLimitError(limit, cost);
          if (refused) throw refused;
        },
      };
    },
  };
}
