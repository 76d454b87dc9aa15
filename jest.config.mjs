// Jest runs in ESM mode because NestJS 12 ships ESM only (see ../shared/docs/stack.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'es6' },
  },
];

export default {
  rootDir: '.',
  testEnvironment: '<rootDir>/test/support/database-environment.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    // @fastify/static (CommonJS) requires content-disposition, which is ESM only; Node 20's Jest
    // cannot require ESM, so that one package is compiled to CommonJS for the tests.
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // test/medium/: a service or repository against a real, migrated database (its own copy per
  // file, like the end-to-end tests), without HTTP or the queue.
  // web/src/: the web app's pure logic (formats); test/browser/: the app in a real Chromium (test/support/browser.ts).
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/web/src/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/medium/**/*.medium-spec.ts',
    '<rootDir>/test/browser/**/*.browser-spec.ts',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
  testTimeout: 30000,
  // The files run two at a time (npm test: --maxWorkers=2, one per core), each worker replaced once it
  // holds more than this after a file: every file loads the whole app (OpenID Connect, SAML and
  // WebAuthn libraries included) into a fresh module registry, and one long-lived process that
  // kept them all got slower with each file (the last 40 files took twice as long as alone).
  workerIdleMemoryLimit: '1GB',
};
