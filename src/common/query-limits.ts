import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
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

function armorRule(
  rule: ArmorRule,
  limit: number,
  code: string,
  what: string,
): ValidationRule {
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
  return /Document contains more that \d+ tokens/.test(message)
    ? limitError(LimitCode.Tokens, 'the number of tokens', limit, null)
    : null;
}

// A list field costs its items' cost times how many items it may return: `first`/`last` (the page
// size when omitted) for paged fields, the number of IDs for nodes(ids:). Everything else costs 1.
const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (Array.isArray(args.ids)) return 1 + childComplexity * args.ids.length;
  if (!field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return undefined;
  const size = Number(args.first ?? args.last ?? defaultPageSize);
  return 1 + childComplexity * Math.max(size, 1);
};

/** Refuses, before execution, an operation whose estimated cost is over the limit. */
export function queryCostPlugin<TContext extends object>(limit: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit the operation: execution refuses them with a proper
            // BAD_USER_INPUT before anything runs, so there is nothing to cost.
            return;
          }
          if (cost > limit) throw limitError(LimitCode.Cost, 'the estimated cost', limit, cost);
        },
      };
    },
  };
}
