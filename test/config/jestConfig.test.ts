// jest-circus reads testTimeout from the global config only: a value inside a `projects` entry is ignored and the
// tier silently runs at 5 s. This keeps the timeouts where jest actually reads them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(resolve(__dirname, '../../jest.config.js')) as {
  testTimeout?: number;
  projects: { displayName: string; testTimeout?: number; setupFilesAfterEnv?: string[] }[];
};

describe('jest configuration', () => {
  it('sets testTimeout at the root, where jest-circus reads it', () => {
    expect(config.testTimeout).toBeGreaterThanOrEqual(30000);
  });

  it('keeps testTimeout out of every project entry (it would be ignored there)', () => {
    for (const project of config.projects) expect(project).not.toHaveProperty('testTimeout');
  });

  it('gives the cluster tier its longer timeout through a setup file jest runs', () => {
    const cluster = config.projects.find((p) => p.displayName === 'cluster');
    const setup = cluster?.setupFilesAfterEnv?.map((f) => f.replace('<rootDir>', resolve(__dirname, '../..'))) ?? [];
    expect(setup.some((file) => /jest\.setTimeout\(\s*1\d{5}\s*\)/.test(readFileSync(file, 'utf8')))).toBe(true);
  });

});
