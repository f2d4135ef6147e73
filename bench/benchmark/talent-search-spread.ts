import type { Client } from 'pg';
import type { Variables } from './variable-sets';

// TalentSearch's variable sets: a spread of named searches from the broadest a search box allows
// (one common word alone, matching most people) to the narrowest, so that the single-client
// latency distribution and its slowest searches say which kind of search is slow. Drawn from the
// data, deterministically: the same database gives the same searches, run after run.

export interface NamedSearch {
  /** The category and the search itself, e.g. `common word: engin`. */
  label: string;
  variables: Variables;
}

export const searchesPerCategory = 5;

/** The commonest words of the search documents (lexemes, which the search parses back to themselves). */
async function commonWords(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ word: string }>(
    `SELECT word FROM ts_stat('SELECT document FROM person_search')
     WHERE word ~ '^[a-z]{4,}$' ORDER BY ndoc DESC, word LIMIT $1`,
    [searchesPerCategory * 2],
  );
  return rows.map((row) => row.word);
}

async function skillsByPopularity(client: Client): Promise<{ name: string; people: number }[]> {
  const { rows } = await client.query<{ name: string; people: number }>(
    'SELECT name, "peopleCount" AS people FROM skill WHERE "peopleCount" > 0 ORDER BY "peopleCount" DESC, id',
  );
  return rows;
}

async function commonLocations(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ location: string }>(
    `SELECT location FROM person WHERE location <> '' GROUP BY location ORDER BY count(*) DESC, location LIMIT $1`,
    [searchesPerCategory],
  );
  return rows.map((row) => row.location);
}

const at = <T>(items: readonly T[], index: number): T => {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('the database has too little data for the TalentSearch spread');
  return item;
};

/**
 * The broad and narrow categories: every common word alone; the commonest skill (a third of the
 * people) with a common word; two common words; three common skills; a rare skill (one in a few
 * hundred people); a location with a common skill; and `narrow`, the searches drawn from people's
 * own skills and role text.
 */
export async function talentSearchSpread(client: Client, narrow: readonly Variables[]): Promise<NamedSearch[]> {
  const words = await commonWords(client);
  const skills = await skillsByPopularity(client);
  const locations = await commonLocations(client);
  const top = skills.map((skill) => skill.name);
  const people = skills[0]?.people ?? 0;
  const rare = skills.filter((skill) => skill.people >= 50 && skill.people <= Math.max(50, people / 100)).map((skill) => skill.name);
  const range = Array.from({ length: searchesPerCategory }, (_, i) => i);
  const searches: NamedSearch[] = [
    ...range.map((i) => ({ label: `common word: ${at(words, i)}`, variables: { search: at(words, i) } })),
    ...range.map((i) => ({
      label: `top skill + common word: ${at(top, 0)} + ${at(words, i)}`,
      variables: { skills: [at(top, 0)], search: at(words, i) },
    })),
    ...range.map((i) => {
      const search = `${at(words, i)} ${at(words, i + searchesPerCategory)}`;
      return { label: `two common words: ${search}`, variables: { search } };
    }),
    ...range.map((i) => {
      const three = [at(top, i), at(top, i + 1), at(top, i + 2)];
      return { label: `three common skills: ${three.join(', ')}`, variables: { skills: three } };
    }),
    ...range.map((i) => {
      const skill = at(rare, Math.floor((i * rare.length) / searchesPerCategory));
      return { label: `rare skill: ${skill}`, variables: { skills: [skill] } };
    }),
    ...range.map((i) => ({
      label: `location + skill: ${at(locations, i)} + ${at(top, i)}`,
      variables: { location: at(locations, i), skills: [at(top, i)] },
    })),
    ...narrow.slice(0, searchesPerCategory + 1).map((variables) => ({
      label: `narrow: ${JSON.stringify(variables.skills)} + ${String(variables.search)}`,
      variables,
    })),
  ];
  return searches;
}
