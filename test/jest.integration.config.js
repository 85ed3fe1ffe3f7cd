// Integration tier: real PostgreSQL, Temporal dev server and SMTP, started once in global setup.
module.exports = require('./jest.base')('integration', {
  globalSetup: '<rootDir>/test/integration/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/one-query-per-client.ts'],
  globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
  maxWorkers: 1,
  // A spec that fails mid-way may leave a worker or pool open; never let that hang CI.
  forceExit: true,
  testTimeout: 90_000,
});
