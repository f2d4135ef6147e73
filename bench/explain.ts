import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { graphql } from 'graphql';
import { DataSource, type Logger } from 'typeorm';
import { loadConfigOrExit } from '../src/config';
import { newRequestScope, runInRequestScope } from '../src/common/request-scope';
import { createContext } from '../src/context';
import { databaseUrl, dataSourceOptions } from '../src/database/data-source-options';
import { createSchema } from '../src/schema';
import { runScript } from '../src/scripts/run-script';
import { skillIds } from '../src/skill/skill-ids';
import { variableSetsFromDatabase } from './benchmark/variable-sets';
import { operationNames, operations, type OperationName } from './operations';

// npm run explain -- [--out docs/query-plans.md] [--sample N]
// Runs each of the four UI operations in-process on DATABASE_URL (the embedded database when
// unset), records every SQL statement it sends, and has PostgreSQL EXPLAIN ANALYZE each one on
// the same data. Writes the plans as markdown and fails if any plan reads a profile table
// (person, person_search, person_skill, role, degree) by sequential scan.

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: 'docs/query-plans.md' },
    sample: { type: 'string', default: '0', short: 's' },
  },
});

interface Statement {
  sql: string;
  parameters: unknown[];
}

/** Keeps every statement the service sends (the DataSource hands all of them to its logger). */
class RecordingLogger implements Logger {
  statements: Statement[] = [];
  logQuery(sql: string, parameters?: unknown[]): void {
    this.statements.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const profileTables = ['person', 'person_search', 'person_skill', 'role', 'degree'];
const sequentialScan = new RegExp(`Seq Scan on (${profileTables.join('|')})\\b`, 'g');

interface Explained extends Statement {
  plan: string;
  executionMs: number;
  sequentialScans: string[];
}

async function explain(db: DataSource, statement: Statement): Promise<Explained> {
  const rows = await db.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.parameters);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
  return { ...statement, plan, executionMs, sequentialScans: plan.match(sequentialScan) ?? [] };
}

const tidy = (sql: string) =>
  sql
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const recorder = new RecordingLogger();
  const db = new DataSource({ ...dataSourceOptions(config), logger: recorder });
  await db.initialize();
  try {
    const schema = await createSchema();
    // As the server does at start-up: a search then names its skills without a statement of its own.
    await skillIds(db).preload();
    const [{ people }] = await db.query<[{ people: number }]>('SELECT count(*)::int AS people FROM person');
    const sample = Number(options.sample);
    const { sets: drawn, labels } = await variableSetsFromDatabase(databaseUrl(config));
    // TalentSearch's spread starts with the broadest searches, which read every match by design;
    // the plans documented here are those of the narrow searches drawn from people's own profiles.
    const narrowSearches = drawn.TalentSearch.filter((_, index) => labels.TalentSearch?.[index]?.startsWith('narrow'));
    // A cursor from the middle of the list: later pages must cost what the first one does.
    const middle = await graphql({
      schema,
      source: 'query Middle($first: Int) { people(first: $first) { pageInfo { endCursor } } }',
      variableValues: { first: Math.min(100, Math.max(1, Math.floor(people / 2))) },
      contextValue: createContext(db),
    });
    const after = (middle.data?.people as { pageInfo: { endCursor: string | null } } | undefined)?.pageInfo.endCursor ?? null;
    const variables: Record<OperationName, Record<string, unknown>> = {
      ProfilePage: drawn.ProfilePage[sample] ?? { handle: 'petercai' },
      PeopleList: { after },
      TalentSearch: narrowSearches[sample] ?? { skills: ['Python', 'SQL'], search: 'data' },
      SkillDirectory: drawn.SkillDirectory[sample] ?? { prefix: 'py' },
    };

    const sections: string[] = [];
    const summary: string[] = [
      '| Operation | Statements | Execution (sum of EXPLAIN ANALYZE) | Sequential scans of profile tables |',
      '| --- | ---: | ---: | --- |',
    ];
    let scans = 0;
    for (const name of operationNames) {
      recorder.statements = [];
      // In a request scope, as the server runs it: the read path combines lists per request.
      const result = await runInRequestScope(newRequestScope(`explain-${name}`), () =>
        graphql({ schema, source: operations[name].query, variableValues: variables[name], contextValue: createContext(db) }),
      );
      if (result.errors?.length) throw new Error(`${name}: ${result.errors.map((error) => error.message).join('; ')}`);
      const statements = recorder.statements;
      recorder.statements = [];
      const explained: Explained[] = [];
      for (const statement of statements) explained.push(await explain(db, statement));
      const found = explained.flatMap((item) => item.sequentialScans);
      scans += found.length;
      const total = explained.reduce((sum, item) => sum + item.executionMs, 0);
      summary.push(`| ${name} | ${explained.length} | ${total.toFixed(1)} ms | ${found.length ? found.join(', ') : 'none'} |`);
      sections.push(
        `## ${name}\n\nVariables: \`${JSON.stringify(variables[name])}\`\n\n` +
          explained
            .map(
              (item, i) =>
                `### ${name}, statement ${i + 1} of ${explained.length} (${item.executionMs.toFixed(2)} ms)\n\n` +
                `\`\`\`sql\n${tidy(item.sql)}\n\`\`\`\n\nParameters: \`${JSON.stringify(item.parameters)}\`\n\n\`\`\`\n${item.plan}\n\`\`\``,
            )
            .join('\n\n'),
      );
    }
    const [{ version }] = await db.query<[{ version: string }]>('SELECT version()');
    const document = [
      '# Query plans of the UI operations',
      '',
      `Written by \`npm run explain\` on ${new Date().toISOString().slice(0, 10)}: ${people} people, ${version.split(',')[0]}.`,
      'Each operation ran once in-process; every SQL statement it sent was then run again under',
      '`EXPLAIN (ANALYZE, BUFFERS)`, so timings are of a warm cache on an otherwise idle database.',
      '',
      ...summary,
      '',
      ...sections,
      '',
    ].join('\n');
    await writeFile(options.out, document);
    console.log(summary.join('\n'));
    console.log(`Plans written to ${options.out}`);
    if (scans) console.error(`${scans} sequential scan(s) of profile tables: see ${options.out}`);
    return scans ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

runScript(main);
