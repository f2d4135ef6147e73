import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { relayStylePagination } from '@apollo/client/utilities';
import { currentToken } from './auth';

// Every Node is normalised by its global id (typePolicies inherit from the Node interface through
// possibleTypes), so a profile edited on one page is current on every other. The two person
// connections merge their pages Relay-style, keyed by the arguments that select the list.
export const cache = new InMemoryCache({
  possibleTypes: { Node: ['Person', 'Role', 'Degree', 'Skill'] },
  typePolicies: {
    Node: { keyFields: ['id'] },
    Query: {
      fields: {
        people: relayStylePagination(['filter', 'orderBy']),
        skills: relayStylePagination(['filter', 'orderBy']),
      },
    },
    Skill: {
      fields: {
        people: relayStylePagination(),
      },
    },
    Person: {
      fields: {
        // Lists are replaced as a whole by the server's answer (reorder, remove): no merging.
        roles: { merge: false },
        degrees: { merge: false },
        skills: { merge: false },
      },
    },
  },
});

const authLink = new SetContextLink(({ headers }) => {
  const token = currentToken();
  return { headers: { ...(headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

export const client = new ApolloClient({
  cache,
  link: ApolloLink.from([authLink, new HttpLink({ uri: '/graphql' })]),
});
