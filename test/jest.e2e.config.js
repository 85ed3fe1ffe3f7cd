// Browser tier: the built web app served by the real API (real PostgreSQL, Temporal, SMTP),
// driven in Debian's Chromium by playwright-core. One spec file at a time: each has its own
// seeded database, API and browser.
module.exports = require('./jest.base')('e2e', {
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  maxWorkers: 1,
  // A spec that fails mid-way may leave a worker or pool open; never let that hang CI.
  forceExit: true,
  testTimeout: 60_000,
});
