// The REST surface. Every route reads the caller's credentials; the entity route fetches the entity from the
// catalog with them (so the catalog's read rules apply: an entity the caller cannot see is "not found"), then
// asks the permission framework for kubernetes.storage.read on that entity. Errors are Backstage's (InputError,
// NotAllowedError, NotFoundError); the backend's error middleware turns them into its usual JSON shape.
import type {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CustomErrorBase, InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { kubernetesClustersReadPermission } from '@backstage/plugin-kubernetes-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  STORAGE_API_VERSION,
  findingCatalog,
  type ClusterListResponse,
  type FindingCatalogResponse,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { kubernetesStorageReadPermission } from './permissions';
import type { RateLimiter } from './service/rateLimiter';
import type { StorageReports } from './service/storageReports';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  reports: StorageReports;
  logger: LoggerService;
  /** coreServices.auditor, where the backend has it. */
  auditor?: AuditorService;
  /** Requests per caller (kubernetesStorage.rateLimit); none: unlimited. */
  rateLimiter?: RateLimiter;
}

/** 429: the caller used up its requests for now; Retry-After says when to come back. */
class TooManyRequestsError extends CustomErrorBase {
  override name = 'TooManyRequestsError';
  readonly statusCode = 429;
}

type Caller = BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>;

/** The bucket a caller draws from: a user by entity ref, a service by subject (never by anything it sends). */
const callerKey = (c: Caller): string => (c.principal.type === 'user' ? `user:${c.principal.userEntityRef}` : `service:${c.principal.subject}`);

/** Catalog entity names and namespaces (catalog-model's rules): letters, digits, "-", "_", "."; at most 63. */
const entityPart = z
  .string()
  .max(63, 'at most 63 characters')
  .regex(/^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$/, 'letters, digits, "-", "_" and ".", starting and ending with a letter or digit');

const entityParams = z.object({
  kind: z.string().max(63, 'at most 63 characters').regex(/^[A-Za-z][A-Za-z0-9]*$/, 'letters and digits, starting with a letter'),
  namespace: entityPart,
  name: entityPart,
});

const entityQuery = z
  .object({ cluster: z.string().max(253).regex(/^[A-Za-z0-9._-]+$/, 'a cluster name').optional() })
  .strict();

/** Routes without parameters take none: an unknown one is a mistake worth saying, not something to ignore. */
const noQuery = z.object({}).strict();

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? `unknown ${what} ${i.keys.join(', ')}` : `${what} ${i.path.join('.')}: ${i.message}`));
  throw new InputError(lines.join('; '));
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, permissions, catalog, reports, auditor, rateLimiter } = options;
  const router = Router();

  /** The caller's credentials (401 without), then one request from its bucket (429 past it), before any work. */
  async function caller(req: express.Request, res: express.Response): Promise<Caller> {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const decision = rateLimiter?.take(callerKey(credentials));
    if (decision && !decision.allowed) {
      res.set('Retry-After', String(decision.retryAfterSeconds));
      throw new TooManyRequestsError(`too many requests: try again in ${decision.retryAfterSeconds} s`);
    }
    return credentials;
  }

  router.get('/v1/entity/:kind/:namespace/:name', async (req, res) => {
    const credentials = await caller(req, res);
    const params = parse(entityParams, req.params, 'path parameter');
    const query = parse(entityQuery, req.query, 'query parameter');
    const entityRef = stringifyEntityRef(params);
    const event = await auditor?.createEvent({ eventId: 'entity-storage-read', request: req, meta: { entityRef, ...(query.cluster ? { cluster: query.cluster } : {}) } });
    try {
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) throw new NotFoundError(`no entity ${entityRef}`);
      const [decision] = await permissions.authorize([{ permission: kubernetesStorageReadPermission, resourceRef: entityRef }], { credentials });
      if (decision.result !== AuthorizeResult.ALLOW) throw new NotAllowedError(`not allowed to read the storage health of ${entityRef}`);
      const answer = await reports.forEntity(entity, query.cluster !== undefined ? { cluster: query.cluster } : {});
      await event?.success({ meta: { clusters: answer.clusters.map((c) => `${c.cluster}:${c.status}`) } });
      res.json(answer);
    } catch (error) {
      await event?.fail({ error: error as Error });
      throw error;
    }
  });

  // Cluster health names clusters and their errors: the official plugin's kubernetes.clusters.read guards it.
  router.get('/v1/clusters', async (req, res) => {
    const credentials = await caller(req, res);
    parse(noQuery, req.query, 'query parameter');
    const [decision] = await permissions.authorize([{ permission: kubernetesClustersReadPermission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) throw new NotAllowedError('not allowed to read cluster health');
    const body: ClusterListResponse = { apiVersion: STORAGE_API_VERSION, kind: 'ClusterList', items: await reports.clusters() };
    res.json(body);
  });

  router.get('/v1/catalog', async (req, res) => {
    await caller(req, res);
    parse(noQuery, req.query, 'query parameter');
    const body: FindingCatalogResponse = { apiVersion: STORAGE_API_VERSION, kind: 'FindingCatalog', items: [...findingCatalog] };
    res.json(body);
  });

  return router;
}
