// Shared jest settings for every test tier; each tier has its own config and setup.
const path = require('node:path');

/** @param {string} tier  folder under test/ that holds the tier's specs */
module.exports = function tierConfig(tier, extra = {}) {
  return {
    rootDir: path.resolve(__dirname, '..'),
    displayName: tier,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/test/${tier}/**/*.spec.ts`],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    testTimeout: 60_000,
    ...extra,
  };
};
