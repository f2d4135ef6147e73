/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // npm run test:scale runs those (jest.scale.config.js): they start servers of their own.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/scale/'],
  transform: {
    // TS151002: ts-jest's advice for module node16; isolatedModules would lose decorator metadata.
    '^.+\\.ts$': ['ts-jest', { diagnostics: { ignoreCodes: [151002] } }],
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
};
