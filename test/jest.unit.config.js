// Unit tier: pure code and typed fakes; no servers.
module.exports = require('./jest.base')('unit');
