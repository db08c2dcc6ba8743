// Reads and checks this plugin's configuration at start-up: the kubernetes.clusterLocatorMethods entries of type
// config (shared with the official Kubernetes plugin) and the kubernetesStorage section. Every mistake found is
// reported, one line each, in one error, so an operator fixes them all in one go.
import type { Config } from '@backstage/config';
import { PricingError, parsePricing, type Pricing } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { z } from 'zod';
import type { ClusterDefinition } from '../clusters/types';
import { durationMs, humanDurationSchema } from './duration';

export type CollectionMode = 'local' | 'shared';

export interface StorageConfig {
  /** Clusters from config (locator entries and sources), before the include list is applied. */
  clusters: ClusterDefinition[];
  /** kubernetesStorage.clusters: names to serve; undefined serves every cluster. */
  include?: string[];
  resyncMs: number;
  collection: { mode: CollectionMode; leaseMs: number; publishIntervalMs: number };
  /** Requests per caller (kubernetesStorage.rateLimit): a token bucket per principal in the router. */
  rateLimit: { requestsPerMinute: number; burst: number };
  /** kubernetesStorage.pricing: price per GiB-month per StorageClass, as the CLI's --pricing file; none: sizes only. */
  pricing?: Pricing;
  /** Clusters skipped on purpose (an auth provider this plugin cannot use), one line each, for the log. */
  warnings: string[];
}

export class StorageConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`invalid kubernetes-storage configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);
    this.name = 'StorageConfigError';
  }
}

const DEFAULT_RESYNC_MS = 30 * 60_000;
const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_PUBLISH_MS = 2_000;
// A page view asks for an entity's report and maybe the catalog: a person browsing stays far below this; a loop
// asking for every entity of a big catalog is slowed to a pace one replica serves without starving the others.
const DEFAULT_RATE_LIMIT = { requestsPerMinute: 300, burst: 60 };

const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** A cluster name ends up in URLs, cache keys and task ids: keep it to what a DNS label allows, plus dots. */
const clusterName = nonEmpty.regex(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$/, 'letters, digits, ".", "_" and "-" only, starting and ending with a letter or digit');

const configCluster = z
  .object({
    name: clusterName,
    url: nonEmpty.url('must be a URL (https://host:port)'),
    authProvider: nonEmpty,
    serviceAccountToken: nonEmpty.optional(),
    caData: nonEmpty.optional(),
    caFile: nonEmpty.optional(),
    skipTLSVerify: z.boolean().optional(),
  })
  .passthrough();

const locatorMethod = z.object({ type: nonEmpty, clusters: z.array(z.unknown()).optional() }).passthrough();

const source = z.discriminatedUnion('type', [
  z.object({ type: z.literal('kubeconfig'), name: clusterName, path: nonEmpty.optional(), context: nonEmpty.optional() }).strict(),
  z.object({ type: z.literal('snapshotFile'), name: clusterName, path: z.union([nonEmpty, z.array(nonEmpty).min(1)]) }).strict(),
]);

const storageSection = z
  .object({
    clusters: z.array(clusterName).optional(),
    resync: humanDurationSchema.optional(),
    sources: z.array(source).optional(),
    collection: z
      .object({
        mode: z.enum(['local', 'shared']).optional(),
        lease: humanDurationSchema.optional(),
        publishInterval: humanDurationSchema.optional(),
      })
      .strict()
      .optional(),
    rateLimit: z
      .object({
        requestsPerMinute: z.number().positive('must be more than 0').max(1e9, 'at most 1000000000').optional(),
        burst: z.number().int('must be a whole number').min(1, 'at least 1').max(1e9, 'at most 1000000000').optional(),
      })
      .strict()
      .optional(),
    // Checked by the core's parsePricing (readPricing below), the same rules as the CLI's --pricing file.
    pricing: z.unknown().optional(),
  })
  .strict();

/**
 * The pricing block, checked entry by entry with the core's parsePricing so every bad price is its own line
 * (parsePricing stops at the first).
 */
function readPricing(raw: unknown, errors: string[]): Pricing | undefined {
  if (raw === undefined) return undefined;
  const at = 'kubernetesStorage.pricing';
  const lines: string[] = [];
  try {
    parsePricing(raw);
  } catch (err) {
    if (!(err instanceof PricingError)) throw err;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(`${at}: ${err.message}`);
      return undefined;
    }
    for (const [key, value] of Object.entries(raw)) {
      try {
        parsePricing({ [key]: value });
      } catch (e) {
        if (!(e instanceof PricingError)) throw e;
        lines.push(`${at}.${key}: ${e.message.replace(/^pricing: /, '')}`);
      }
    }
  }
  if (lines.length > 0) {
    errors.push(...lines);
    return undefined;
  }
  return parsePricing(raw);
}

function pathOf(prefix: string, path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${p}`), prefix);
}

function issueLines(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `${pathOf(prefix, issue.path)}: unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_union_discriminator') return `${pathOf(prefix, issue.path)}: must be one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}`;
    if (issue.code === 'invalid_union') {
      const missing = issue.unionErrors.every((e) => e.issues.some((i) => i.code === 'invalid_type' && i.received === 'undefined'));
      return `${pathOf(prefix, issue.path)}: ${missing ? 'required' : 'has the wrong type'}`;
    }
    return `${pathOf(prefix, issue.path)}: ${issue.message.toLowerCase() === 'required' ? 'required' : issue.message}`;
  });
}

function readLocatorClusters(config: Config, errors: string[], warnings: string[]): { clusters: ClusterDefinition[]; skipped: Map<string, string> } {
  const clusters: ClusterDefinition[] = [];
  const skipped = new Map<string, string>();
  const raw = config.getOptional('kubernetes.clusterLocatorMethods');
  if (raw === undefined) return { clusters, skipped };
  const methods = z.array(z.unknown()).safeParse(raw);
  if (!methods.success) {
    errors.push('kubernetes.clusterLocatorMethods: must be a list');
    return { clusters, skipped };
  }
  methods.data.forEach((m, i) => {
    const at = `kubernetes.clusterLocatorMethods[${i}]`;
    const method = locatorMethod.safeParse(m);
    if (!method.success) return errors.push(...issueLines(at, method.error));
    if (method.data.type !== 'config') {
      // catalog, gke, localKubectlProxy...: the official plugin's business; an adopter can supply them through the extension point.
      warnings.push(`${at}: clusters of type "${method.data.type}" are not read by kubernetes-storage (only type "config"); add a cluster supplier to serve them`);
      return undefined;
    }
    (method.data.clusters ?? []).forEach((c, j) => {
      const where = `${at}.clusters[${j}]`;
      const parsed = configCluster.safeParse(c);
      if (!parsed.success) return errors.push(...issueLines(where, parsed.error));
      const cluster = parsed.data;
      if (cluster.authProvider !== 'serviceAccount') {
        const why = `authProvider "${cluster.authProvider}" is not supported by kubernetes-storage (serviceAccount only)`;
        skipped.set(cluster.name, `${where} (${cluster.name}): ${why}`);
        warnings.push(`${where} (${cluster.name}): ${why}; skipped`);
        return undefined;
      }
      if (!cluster.serviceAccountToken) return errors.push(`${where}.serviceAccountToken: required for authProvider "serviceAccount"`);
      if (cluster.url.startsWith('http:') && !cluster.skipTLSVerify) {
        return errors.push(`${where}.url: plain http needs skipTLSVerify: true (tokens would travel unencrypted otherwise)`);
      }
      clusters.push({
        type: 'config',
        name: cluster.name,
        url: cluster.url,
        serviceAccountToken: cluster.serviceAccountToken,
        ...(cluster.caData ? { caData: cluster.caData } : {}),
        ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
        skipTLSVerify: cluster.skipTLSVerify ?? false,
      });
      return undefined;
    });
    return undefined;
  });
  return { clusters, skipped };
}

/** Throws StorageConfigError listing every mistake. */
export function readStorageConfig(config: Config): StorageConfig {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { clusters, skipped } = readLocatorClusters(config, errors, warnings);

  const section = storageSection.safeParse(config.getOptional('kubernetesStorage') ?? {});
  const own = section.success ? section.data : undefined;
  if (!section.success) errors.push(...issueLines('kubernetesStorage', section.error));

  for (const s of own?.sources ?? []) {
    if (s.type === 'kubeconfig') clusters.push({ type: 'kubeconfig', name: s.name, ...(s.path ? { path: s.path } : {}), ...(s.context ? { context: s.context } : {}) });
    else clusters.push({ type: 'snapshotFile', name: s.name, paths: Array.isArray(s.path) ? s.path : [s.path] });
  }
  const seen = new Set<string>();
  for (const c of clusters) {
    if (seen.has(c.name)) errors.push(`cluster "${c.name}" is defined more than once (names must be unique across kubernetes.clusterLocatorMethods and kubernetesStorage.sources)`);
    seen.add(c.name);
  }
  own?.clusters?.forEach((name, i) => {
    // An explicitly wanted cluster that cannot be served is a mistake, not something to skip quietly.
    const why = skipped.get(name);
    if (why) errors.push(`kubernetesStorage.clusters[${i}]: "${name}" cannot be served: ${why}`);
  });

  const mode = own?.collection?.mode ?? 'local';
  const pricing = readPricing(own?.pricing, errors);
  if (errors.length > 0) throw new StorageConfigError(errors);
  return {
    clusters,
    ...(own?.clusters ? { include: own.clusters } : {}),
    resyncMs: own?.resync ? durationMs(own.resync) : DEFAULT_RESYNC_MS,
    collection: {
      mode,
      leaseMs: own?.collection?.lease ? durationMs(own.collection.lease) : DEFAULT_LEASE_MS,
      publishIntervalMs: own?.collection?.publishInterval ? durationMs(own.collection.publishInterval) : DEFAULT_PUBLISH_MS,
    },
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...own?.rateLimit },
    ...(pricing ? { pricing } : {}),
    warnings,
  };
}

/**
 * Applies kubernetesStorage.clusters to every supplied cluster (config and extension point alike). A listed name
 * no supplier knows is a mistake; names must be unique.
 */
export function selectClusters(all: ClusterDefinition[], include: string[] | undefined): ClusterDefinition[] {
  const errors: string[] = [];
  const byName = new Map<string, ClusterDefinition>();
  for (const c of all) {
    if (byName.has(c.name)) errors.push(`cluster "${c.name}" is supplied more than once`);
    byName.set(c.name, c);
  }
  include?.forEach((name, i) => {
    if (!byName.has(name)) errors.push(`kubernetesStorage.clusters[${i}]: no cluster named "${name}" (known: ${[...byName.keys()].join(', ') || 'none'})`);
  });
  if (errors.length > 0) throw new StorageConfigError(errors);
  return include ? include.map((name) => byName.get(name) as ClusterDefinition) : [...byName.values()];
}
