export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One operation over HTTP, as a UI sends it; a server that does not answer within 15 s is an error. */
export async function postGraphQL<T>(
  url: string,
  operation: { name: string; query: string; variables: Record<string, unknown> },
  authorization?: string,
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: operation.query, operationName: operation.name, variables: operation.variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer<T>, 'status'>) };
}

export function errorCodeOf(answer: GraphQLAnswer<unknown>): string | undefined {
  return answer.errors?.[0]?.extensions?.code;
}
