/** @type {import('jest').Config} npm run test:scale: several instances over a primary and a streaming replica. */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/tests/scale'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Each file starts the PostgreSQL servers and the service processes it needs.
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 180_000,
};
