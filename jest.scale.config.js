/**
 * npm run test:scale: several instances over a primary and a streaming replica. Each file starts
 * the PostgreSQL servers, redis-server and service processes it needs; those that need only one
 * database (not a replica) take a copy of the migrated template, as in jest.config.js.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/scale'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: { ignoreCodes: [151002] } }],
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 180_000,
};
