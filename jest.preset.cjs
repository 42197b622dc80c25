// Shared jest setup: TypeScript through SWC (fast, keeps decorator metadata for NestJS).
const path = require('node:path');

/**
 * @param {string} dir the package folder (pass __dirname)
 * @param {{ postgres?: boolean }} options postgres: start one PostgreSQL server for the run
 */
module.exports = (dir, { postgres = false, ...overrides } = {}) => ({
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // jose and kysely ship only ES modules; jest's CommonJS runtime needs them transformed.
  transformIgnorePatterns: ['/node_modules/(?!(jose|kysely)/)'],
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2023',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', [path.join(__dirname, 'scripts/jest-summary-reporter.cjs'), {}]],
  ...(postgres
    ? {
        globalSetup: path.join(__dirname, 'scripts/jest-postgres-setup.mjs'),
        globalTeardown: path.join(__dirname, 'scripts/jest-postgres-teardown.mjs'),
      }
    : {}),
  ...overrides,
});
