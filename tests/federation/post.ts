/** The subgraph endpoint of a server whose /graphql is at `graphqlUrl`. */
export function subgraphUrlOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '/subgraph');
}
