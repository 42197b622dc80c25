// Two tiers: components in jsdom (Testing Library), and the dashboard end to end in headless Chromium.
const path = require('node:path');
const preset = require('../../jest.preset.cjs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const base = preset(__dirname);

module.exports = {
  reporters: base.reporters,
  projects: [
    {
      displayName: 'components',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
      setupFiles: ['<rootDir>/test/polyfills.cjs'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-components.ts'],
      // ESM-only packages the components import, turned into CommonJS for jest.
      transformIgnorePatterns: ['/node_modules/(?!(cookie|set-cookie-parser)/)'],
      transform: { '^.+\\.(ts|tsx|js|mjs)$': swc },
      moduleNameMapper: {
        '\\.css$': '<rootDir>/test/style-stub.cjs',
        '^(\\./|.*/platform/)env$': '<rootDir>/test/env-stub.ts',
      },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    },
    {
      displayName: 'browser',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      transform: { '^.+\\.(ts|js)$': swc },
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
  ],
  testTimeout: 120_000,
};
