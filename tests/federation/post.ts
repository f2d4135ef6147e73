import type { GraphQLResponse } from '../support/test-app';

/** POSTs an operation to a GraphQL endpoint as a client would (with this Authorization header, if any). */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  authorization?: string | null,
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** The subgraph endpoint of a server whose /graphql is at `graphqlUrl`. */
export function subgraphUrlOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '/subgraph');
}
