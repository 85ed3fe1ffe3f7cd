// Integration tier: real PostgreSQL, Temporal dev server and SMTP, started once in global setup.
module.exports = require('./jest.base')('integration', {
  globalSetup: '<rootDir>/test/integration/global-setup.ts',
  globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 90_000,
});
