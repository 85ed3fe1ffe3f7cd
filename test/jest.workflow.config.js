// Workflow tier: workflows on the real time-skipping test server, activities faked. Serial.
module.exports = require('./jest.base')('workflow', {
  globalSetup: '<rootDir>/test/workflow/global-setup.ts',
  maxWorkers: 1,
});
