/** Where the suite's PostgreSQL server is, for every test file (set by the global setup). */
export const maintenanceUrlVariable = 'PROFILEGRAPH_TEST_PG_URL';
export const templateDatabase = 'profilegraph_test_template';

export function maintenanceUrl(): string {
  const url = process.env[maintenanceUrlVariable];
  if (!url) throw new Error(`${maintenanceUrlVariable} is not set: run the tests through jest (npm test)`);
  return url;
}

export function databaseUrl(database: string): string {
  const url = new URL(maintenanceUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
