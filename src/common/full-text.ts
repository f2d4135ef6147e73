// PostgreSQL full-text queries from what people type into a search box. websearch_to_tsquery
// would do phrases and exclusions but not prefixes, and a search box must match as people type
// (`kafk` finds Kafka), so terms are parsed here and each becomes its own tsquery.

/** A quoted phrase, a word (matched as a prefix, after stemming) or a -word to exclude. */
export interface SearchTerm {
  kind: 'phrase' | 'word' | 'not';
  text: string;
}

export const maxSearchTerms = 16;

/** `"data pipelines" kafk -php` → a phrase, a word and an exclusion. Terms without a letter or digit are dropped. */
export function parseSearch(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const [, phrase, word] of input.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (phrase !== undefined) terms.push({ kind: 'phrase', text: phrase });
    else if (word?.startsWith('-')) terms.push({ kind: 'not', text: word.slice(1) });
    else if (word) terms.push({ kind: 'word', text: word });
  }
  return terms.filter((term) => /[\p{L}\p{N}]/u.test(term.text)).slice(0, maxSearchTerms);
}

/**
 * A SQL tsquery expression for the terms (all of them must match), appending its parameters.
 * Prefix matching goes through the same stemmer as the documents: `pipelines:*` becomes
 * `pipelin:*`. Words the stemmer drops (stop words) drop out of the query.
 */
export function tsqueryExpression(terms: readonly SearchTerm[], params: unknown[], config = 'english'): string {
  const parts = terms.map((term) => {
    const value = `$${params.push(term.text)}::text`;
    switch (term.kind) {
      case 'phrase':
        return `phraseto_tsquery('${config}', ${value})`;
      case 'word':
        return `to_tsquery('${config}', quote_literal(${value}) || ':*')`;
      case 'not':
        return `!!to_tsquery('${config}', quote_literal(${value}))`;
    }
  });
  return parts.length ? `(${parts.join(' && ')})` : `''::tsquery`;
}
