import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { createSchema } from '../schema';

// Writes schema.graphql from the code-first schema, or with --check fails if the file differs.
const schemaFile = resolve(__dirname, '../../../schema.graphql');

async function main(): Promise<void> {
  const printed = `${printSchema(await createSchema())}\n`;
  if (!process.argv.includes('--check')) {
    writeFileSync(schemaFile, printed);
    console.log(`Wrote ${schemaFile}`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(schemaFile, 'utf8');
  } catch {
    // A missing file is a difference like any other.
  }
  if (committed !== printed) {
    console.error('schema.graphql differs from the schema the code builds. Run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
