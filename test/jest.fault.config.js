// Fault tier: the real stack (PostgreSQL, Temporal dev server, SMTP catcher, API, worker process)
// with a service killed or stopped mid-run. Each spec starts its own stack; the setup only builds
// the worker once. Serial: the specs stop and start services and measure nothing but outcomes.
module.exports = require('./jest.base')('fault', {
  globalSetup: '<rootDir>/test/fault/global-setup.ts',
  globalTeardown: '<rootDir>/test/fault/global-teardown.ts',
  maxWorkers: 1,
  // A spec that fails mid-way may leave a child process or pool open; never let that hang CI.
  forceExit: true,
  testTimeout: 180_000,
});
