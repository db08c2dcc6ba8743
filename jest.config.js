// Two tiers share one transform: `unit` (core, collectors against msw, CLI; any fresh machine after `npm ci`)
// and `cluster` (a real control plane, see test/cluster). Benchmarks are not tests: see `npm run bench`.
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

// @kubernetes/client-node 1.x and some of its dependencies ship ESM only; jest runs CommonJS, so those are
// transformed like our own sources (Backstage's jest config does the same).
// msw 2 pulls in a few .mjs-only packages as well.
const esmPackages = [
  '@kubernetes/client-node',
  'openid-client',
  'oauth4webapi',
  'jose',
  'jsonpath-plus',
  'rettime',
  '@open-draft/deferred-promise',
  'until-async',
];

const shared = {
  transform: { '^.+\\.m?(t|j)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@kubectl-storage/plugin-kubernetes-storage-common$': '<rootDir>/plugins/kubernetes-storage-common/src',
    '^@kubectl-storage/plugin-kubernetes-storage-common/light$': '<rootDir>/plugins/kubernetes-storage-common/src/light',
    '^@kubectl-storage/plugin-kubernetes-storage-node$': '<rootDir>/plugins/kubernetes-storage-node/src',
    '^@kubectl-storage/test-fixtures$': '<rootDir>/test/fixtures',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  // jest-circus reads testTimeout only from the global config (a `projects` entry's value is silently ignored).
  // In-process CLI runs against msw take a few hundred ms each; on a loaded 2-core CI machine the 5 s default
  // turns load into failures. Timing goals live in `npm run bench`, never here.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/plugins/*/src/**/*.test.ts', '<rootDir>/cli/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.cluster\\.test\\.ts$', '\\.release\\.test\\.ts$', '\\.services\\.test\\.ts$'],
    },
    {
      // Backstage backend replicas against a real PostgreSQL and Redis, which the tests start on loopback
      // (Debian packages postgresql and redis-server). `npx jest --selectProjects services --forceExit` (see the test file).
      ...shared,
      displayName: 'services',
      testMatch: ['<rootDir>/plugins/*/src/**/*.services.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/slowTierTimeout.ts'],
    },
    {
      ...shared,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/cluster/**/*.cluster.test.ts'],
      globalSetup: '<rootDir>/test/cluster/global-setup.ts',
      globalTeardown: '<rootDir>/test/cluster/global-teardown.ts',
      // jest ignores testTimeout inside a project: the cluster tier raises it in a setup file instead.
      setupFilesAfterEnv: ['<rootDir>/test/slowTierTimeout.ts'],
    },
    {
      // The release tier: builds the krew archives and krew itself (Go), installs for real. `npm run test:release`.
      ...shared,
      displayName: 'release',
      testMatch: ['<rootDir>/test/release/**/*.release.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/slowTierTimeout.ts'],
    },
    // Backstage page components (plugins/kubernetes-storage, *.test.tsx) in jsdom. Backstage packages ship ESM,
    // so node_modules is transformed too, except a few large CommonJS packages (jest caches the rest).
    {
      ...shared,
      displayName: 'frontend',
      testMatch: ['<rootDir>/plugins/kubernetes-storage/src/**/*.test.tsx'],
      testEnvironment: '<rootDir>/plugins/kubernetes-storage/jest/environment.js',
      setupFilesAfterEnv: ['<rootDir>/plugins/kubernetes-storage/jest/setup.ts'],
      transform: {
        '^.+\\.tsx?$': frontendSwc('typescript'),
        '^.+\\.m?jsx?$': frontendSwc('ecmascript'),
      },
      transformIgnorePatterns: [
        '/node_modules/(?:react|react-dom|scheduler|@material-ui|lodash|jsdom|cssstyle|@acemir|@testing-library|@swc|@jest|jest-[^/]+|typescript|core-js)/',
      ],
      moduleNameMapper: { ...shared.moduleNameMapper, '\\.(css|less|svg)$': '<rootDir>/plugins/kubernetes-storage/jest/styleStub.js' },
    },
  ],
};

/** swc for TSX/JSX with React's automatic runtime (the page's sources and the ESM packages they import). */
function frontendSwc(syntax) {
  const parser = syntax === 'typescript' ? { syntax, tsx: true } : { syntax, jsx: true };
  // Packages' plain .js must keep sloppy mode (no "use strict" added): some assign to getter-only properties.
  const module = syntax === 'typescript' ? { type: 'commonjs' } : { type: 'commonjs', strictMode: false };
  return ['@swc/jest', { jsc: { target: 'es2022', parser, transform: { react: { runtime: 'automatic' } } }, module }];
}
