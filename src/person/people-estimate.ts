// Counting and faceting every match of a broad search means reading every matching search
// document (84,000 of 100,000 for one common word; seconds at a million profiles). So totals and
// facets are exact for lists of up to 10,000 people and, for far larger ones, estimated from a
// fixed, deterministic sample of the people, the way Elasticsearch's track_total_hits and
// Algolia's exhaustiveNbHits do; every answer says which it is (totalCountIsExact, isExact).

/** totalCount and skillFacets are exact for any list of at most this many people. */
export const exactUpTo = 10_000;

/** The sample (table person_search_sample, migration SearchSample) holds one person in this many. */
export const sampleShare = 8;

/**
 * The largest relative standard error an estimate may have: 2%, so that an estimate is within 5%
 * of the truth in all but about one case in a hundred (2.5 standard errors).
 */
export const maxStandardError = 0.02;

/**
 * A list is estimated only when more than this many of its people are in the sample: then the
 * standard error of its count, √((1 − 1/8) / n), is within maxStandardError (and its facets must
 * pass the same test, see people-match.loaders.ts). That stands for 17,500 people; a list of at
 * most exactUpTo people would need 75% more of its people in the sample than its share to cross
 * the line (at 10,000 people, 28 standard deviations), so it is counted exactly.
 */
export const estimatePastSampleMatches = Math.ceil((1 - 1 / sampleShare) / maxStandardError ** 2);
