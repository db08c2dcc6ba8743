import { ConfigReader } from '@backstage/config';
import { StorageConfigError, readStorageConfig, selectClusters } from './readStorageConfig';

function errorsOf(data: object): string[] {
  try {
    readStorageConfig(new ConfigReader(data as never));
  } catch (err) {
    if (err instanceof StorageConfigError) return err.lines;
    throw err;
  }
  throw new Error('expected a StorageConfigError');
}

const cluster = (extra: object = {}) => ({ name: 'prod', url: 'https://10.0.0.1:6443', authProvider: 'serviceAccount', serviceAccountToken: 't0ken', ...extra });

describe('readStorageConfig', () => {
  it('reads the official plugin\'s config clusters and this plugin\'s sources, with defaults', () => {
    const config = readStorageConfig(
      new ConfigReader({
        kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [cluster({ caData: 'Q0E=', dashboardUrl: 'https://dash' })] }] },
        kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'demo', path: 'demo.json' }, { type: 'kubeconfig', name: 'dev', context: 'kind-dev' }] },
      }),
    );
    expect(config.clusters).toEqual([
      { type: 'config', name: 'prod', url: 'https://10.0.0.1:6443', serviceAccountToken: 't0ken', caData: 'Q0E=', skipTLSVerify: false },
      { type: 'snapshotFile', name: 'demo', paths: ['demo.json'] },
      { type: 'kubeconfig', name: 'dev', context: 'kind-dev' },
    ]);
    expect(config.collection).toEqual({ mode: 'local', leaseMs: 300_000, publishIntervalMs: 2_000 });
    expect(config.resyncMs).toBe(1_800_000);
  });

  it('reports every mistake, one line each, with the key that holds it', () => {
    const lines = errorsOf({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'config', clusters: [cluster({ url: 'not a url' }), cluster({ name: 'b', serviceAccountToken: undefined }), cluster({ name: 'c', url: 'http://plain:8080' })] },
        ],
      },
      kubernetesStorage: {
        resync: { minutes: -1 },
        sources: [{ type: 'snapshotFile', name: 'demo' }, { type: 'helm', name: 'x' }],
        collection: { mode: 'cluster' },
        colour: 'blue',
      },
    });
    expect(lines).toEqual([
      'kubernetes.clusterLocatorMethods[0].clusters[0].url: must be a URL (https://host:port)',
      'kubernetes.clusterLocatorMethods[0].clusters[1].serviceAccountToken: required for authProvider "serviceAccount"',
      'kubernetes.clusterLocatorMethods[0].clusters[2].url: plain http needs skipTLSVerify: true (tokens would travel unencrypted otherwise)',
      'kubernetesStorage.resync.minutes: Number must be greater than or equal to 0',
      'kubernetesStorage.sources[0].path: required',
      'kubernetesStorage.sources[1].type: must be one of "kubeconfig", "snapshotFile"',
      "kubernetesStorage.collection.mode: Invalid enum value. Expected 'local' | 'shared', received 'cluster'",
      'kubernetesStorage: unknown key "colour"',
    ]);
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('skips clusters of an auth provider it cannot use (with a warning), but not when they are asked for by name', () => {
    const data = { kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [cluster({ name: 'eks', authProvider: 'aws' })] }, { type: 'catalog' }] } };
    const config = readStorageConfig(new ConfigReader(data));
    expect(config.clusters).toEqual([]);
    expect(config.warnings).toEqual([
      expect.stringContaining('(eks): authProvider "aws" is not supported by kubernetes-storage'),
      expect.stringContaining('clusters of type "catalog" are not read'),
    ]);
    expect(errorsOf({ ...data, kubernetesStorage: { clusters: ['eks'] } })).toEqual([expect.stringMatching(/^kubernetesStorage\.clusters\[0\]: "eks" cannot be served: /)]);
  });

  it('rejects duplicate names across locator entries and sources', () => {
    expect(
      errorsOf({
        kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [cluster({ name: 'demo' })] }] },
        kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'demo', path: 'x.json' }] },
      }),
    ).toEqual([expect.stringContaining('cluster "demo" is defined more than once')]);
  });
});

describe('selectClusters', () => {
  const demo = { type: 'snapshotFile' as const, name: 'demo', paths: ['x'] };
  const dev = { type: 'kubeconfig' as const, name: 'dev' };

  it('serves every cluster by default, only the listed ones (in that order) otherwise', () => {
    expect(selectClusters([demo, dev], undefined)).toEqual([demo, dev]);
    expect(selectClusters([demo, dev], ['dev'])).toEqual([dev]);
  });

  it('names a listed cluster no supplier knows', () => {
    expect(() => selectClusters([demo], ['prod'])).toThrow('kubernetesStorage.clusters[0]: no cluster named "prod" (known: demo)');
  });
});

describe('kubernetesStorage.pricing', () => {
  const withPricing = (pricing: unknown) => ({ kubernetesStorage: { pricing } });

  it('reads the CLI\'s --pricing shape: class -> price per GiB-month, optional currency', () => {
    const config = readStorageConfig(new ConfigReader(withPricing({ standard: 0.1, fast: 0.25, currency: 'EUR' }) as never));
    expect(config.pricing).toEqual({ classes: { standard: 0.1, fast: 0.25 }, currency: 'EUR' });
  });

  it('is absent without the block (sizes only, no made-up price)', () => {
    expect(readStorageConfig(new ConfigReader({})).pricing).toBeUndefined();
  });

  it('reports every bad entry on its own line, naming the key', () => {
    expect(errorsOf(withPricing({ standard: 'cheap', fast: -1, ok: 0.2, currency: 3 }))).toEqual([
      'kubernetesStorage.pricing.standard: the price of class "standard" must be a number >= 0 (per GiB-month), got "cheap"',
      'kubernetesStorage.pricing.fast: the price of class "fast" must be a number >= 0 (per GiB-month), got -1',
      'kubernetesStorage.pricing.currency: currency must be a non-empty string',
    ]);
  });

  it('refuses a block that is not a map, in one line', () => {
    expect(errorsOf(withPricing([0.1]))).toEqual([
      'kubernetesStorage.pricing: pricing must be a map of StorageClass name to price per GiB-month, e.g. "standard: 0.10"',
    ]);
  });
});

