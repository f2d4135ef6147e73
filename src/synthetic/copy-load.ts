import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { RowBatch } from './row-batches';
import { copyColumns, type CopyTable } from './rows';

export const copyTables = Object.keys(copyColumns) as CopyTable[];

/** What each table's connection empties: its table, and for person also person_search. */
const emptiedTables: Record<CopyTable, { table: string; personColumn: string }[]> = {
  person: [
    { table: 'person', personColumn: 'id' },
    { table: 'person_search', personColumn: '"personId"' },
  ],
  role: [{ table: 'role', personColumn: '"personId"' }],
  degree: [{ table: 'degree', personColumn: '"personId"' }],
  person_skill: [{ table: 'person_skill', personColumn: '"personId"' }],
};

/**
 * Empties the tables but for the rows of the people who stay. TRUNCATE rather than DELETE: no
 * dead rows for VACUUM to clear, and a table truncated in this transaction can take COPY FREEZE,
 * whose rows need no later freezing and are all-visible at once (index-only scans work at once).
 */
async function emptyAllBut(client: ClientBase, tables: readonly { table: string; personColumn: string }[], keptPeople: readonly number[]) {
  for (const { table, personColumn } of tables) {
    await client.query(`CREATE TEMP TABLE kept_${table} (LIKE ${table}) ON COMMIT DROP`);
    await client.query(`INSERT INTO kept_${table} SELECT * FROM ${table} WHERE ${personColumn} IN (SELECT unnest($1::int[]))`, [
      keptPeople,
    ]);
  }
  await client.query(`TRUNCATE ${tables.map(({ table }) => table).join(', ')}`);
  for (const { table } of tables) await client.query(`INSERT INTO ${table} SELECT * FROM kept_${table}`);
}

/**
 * Replaces everyone but `keptPeople` with the people in `batches`: one connection per table, each
 * emptying its table and copying the new rows in a transaction of its own, all four at once
 * while the batches are being generated. The four commit only when all four have copied, so
 * a failure leaves the tables as they were. Other sessions wait for these tables meanwhile.
 */
export async function replaceByCopy(
  clients: Record<CopyTable, ClientBase>,
  keptPeople: readonly number[],
  batches: AsyncIterable<RowBatch>,
): Promise<void> {
  const begun: ClientBase[] = [];
  const streams: CopyStreamQuery[] = [];
  try {
    await Promise.all(
      copyTables.map(async (table) => {
        const client = clients[table];
        await client.query('BEGIN');
        begun.push(client);
        await emptyAllBut(client, emptiedTables[table], keptPeople);
      }),
    );
    for (const table of copyTables) {
      streams.push(clients[table].query(copyFrom(`COPY ${table} (${copyColumns[table].join(', ')}) FROM STDIN WITH (FREEZE)`)));
    }
    const done = Promise.all(streams.map((stream) => finished(stream)));
    // A stream that fails stops the generator at its next batch instead of at the end.
    let failure: unknown;
    done.catch((error: unknown) => (failure ??= error));

    for await (const batch of batches) {
      if (failure !== undefined) break;
      for (const [i, table] of copyTables.entries()) {
        const stream = streams[i] as CopyStreamQuery;
        if (!stream.write(batch[table])) await Promise.race([once(stream, 'drain'), done]);
      }
    }
    for (const stream of streams) stream.end();
    await done;
    await Promise.all(begun.map((client) => client.query('COMMIT')));
  } catch (error) {
    // A COPY still open would hold its connection, and the ROLLBACK queued behind it, forever:
    // destroying the stream sends CopyFail, which ends it.
    for (const stream of streams) stream.destroy();
    await Promise.allSettled(streams.map((stream) => finished(stream)));
    await Promise.allSettled(begun.map((client) => client.query('ROLLBACK')));
    throw error;
  }
}
