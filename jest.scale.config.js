/**
 * npm run test:scale: several instances over a primary and a streaming replica. Each file starts
 * the PostgreSQL servers and service processes it needs (no shared test database, unlike jest.config.js).
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
  testTimeout: 180_000,
};
