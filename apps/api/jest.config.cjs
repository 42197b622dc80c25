module.exports = require('../../jest.preset.cjs')(__dirname, { postgres: true, testTimeout: 60_000 });
