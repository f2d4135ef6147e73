import { Client } from 'pg';

// PostGraphile builds its API from the database: `personByHandle` only from a unique constraint on
// the plain handle column (the service's is a unique index on lower(handle)), and `orderBy` only
// on indexed columns (person_skill has no index with position, so PostGraphile could not list
// skills in profile order). The benchmark gives it both, in the benchmark's database only, before
// any server starts, so that every server runs against the same database; the service's
// migrations never carry them. Both are idempotent: a second run finds them in place.

export interface Addition {
  name: string;
  /** What it is and why, for the report. */
  description: string;
  /** Whether this run created it (false: it was there already). */
  created: boolean;
}

const handleConstraint = 'bench_person_handle_key';
const skillOrderIndex = 'bench_person_skill_person_id_position_idx';

export async function addWhatPostGraphileNeeds(databaseUrl: string): Promise<Addition[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'profilegraph-bench' });
  await client.connect();
  try {
    const { rows } = await client.query<{ constraint: boolean; index: boolean }>(
      `SELECT
         EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'person'::regclass AND conname = $1) AS constraint,
         to_regclass($2) IS NOT NULL AS index`,
      [handleConstraint, skillOrderIndex],
    );
    const present = rows[0] ?? { constraint: false, index: false };
    if (!present.constraint) {
      // The service's lower(handle) index already keeps handles unique in any case; were two to
      // differ only in case, ALTER TABLE would fail and say so.
      await client.query(`ALTER TABLE person ADD CONSTRAINT ${handleConstraint} UNIQUE (handle)`).catch((error: unknown) => {
        throw new Error(`PostGraphile needs person.handle unique, and this database does not allow it: ${String(error)}`);
      });
    }
    if (!present.index) {
      await client.query(`CREATE INDEX ${skillOrderIndex} ON person_skill ("personId", position)`);
      await client.query('ANALYZE person_skill');
    }
    return [
      {
        name: handleConstraint,
        description: 'UNIQUE (handle) on person, from which PostGraphile derives personByHandle',
        created: !present.constraint,
      },
      {
        name: skillOrderIndex,
        description: 'index on person_skill ("personId", position), so that PostGraphile can order skills by position',
        created: !present.index,
      },
    ];
  } finally {
    await client.end();
  }
}
