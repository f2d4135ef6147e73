import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphDefinition {
  name: string;
  url: string;
  sdl: string;
}

export interface Composition {
  /** The supergraph SDL (what the Router or @apollo/gateway loads), when there were no errors. */
  supergraphSdl?: string;
  /** Every composition error and hint, one line each: a clean composition has none. */
  problems: string[];
}

/**
 * Composes subgraphs with @apollo/composition, as rover and GraphOS do. Hints count as problems
 * too: each one points at something the supergraph does differently from what a subgraph says
 * (a field it cannot resolve, types that disagree), which this service treats as a mistake.
 */
export function composeSubgraphSchemas(subgraphs: readonly SubgraphDefinition[]): Composition {
  const services = subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) }));
  const result = composeServices(services);
  if (result.errors) return { problems: result.errors.map((error) => `error: ${error.message}`) };
  return {
    supergraphSdl: result.supergraphSdl,
    problems: result.hints.map((hint) => `hint ${hint.definition.code}: ${hint.message}`),
  };
}
