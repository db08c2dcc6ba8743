// Wiring only: read the config, build one feed per cluster, mount the router. The logic lives in service/,
// feeds/ and config/.
import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { KubernetesStorageClusterSupplier } from './clusters/types';
import { readStorageConfig, selectClusters } from './config/readStorageConfig';
import { kubernetesStorageClustersExtensionPoint } from './extensions';
import { createFeed } from './feeds/createFeed';
import { liveFeedFactory } from './feeds/liveFeeds';
import { kubernetesStoragePermissions } from './permissions';
import { createRouter } from './router';
import { RateLimiter } from './service/rateLimiter';
import { StorageReports } from './service/storageReports';

export const kubernetesStoragePlugin = createBackendPlugin({
  pluginId: 'kubernetes-storage',
  register(env) {
    const suppliers: KubernetesStorageClusterSupplier[] = [];
    env.registerExtensionPoint(kubernetesStorageClustersExtensionPoint, {
      addClusterSupplier(supplier) {
        suppliers.push(supplier);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        cache: coreServices.cache,
        lifecycle: coreServices.lifecycle,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, httpRouter, httpAuth, permissions, permissionsRegistry, scheduler, cache, lifecycle, auditor, catalog }) {
        // Throws StorageConfigError (one line per mistake): the backend does not start on a wrong config.
        const storageConfig = readStorageConfig(config);
        for (const warning of storageConfig.warnings) logger.warn(warning);
        const supplied = (await Promise.all(suppliers.map((s) => s.getClusters()))).flat();
        const clusters = selectClusters([...storageConfig.clusters, ...supplied], storageConfig.include);

        const live = liveFeedFactory({ config: storageConfig, logger, scheduler, cache });
        const feeds = clusters.map((c) => createFeed(c, { live }));
        await Promise.all(feeds.map((f) => f.start()));
        lifecycle.addShutdownHook(async () => {
          await Promise.all(feeds.map((f) => f.stop()));
        });
        logger.info(`serving ${feeds.length} cluster(s) (${storageConfig.collection.mode} collection): ${feeds.map((f) => f.name).join(', ') || 'none'}`);

        permissionsRegistry.addPermissions(kubernetesStoragePermissions);
        const reports = new StorageReports({ feeds, ...(storageConfig.pricing ? { pricing: storageConfig.pricing } : {}) });
        const rateLimiter = new RateLimiter(storageConfig.rateLimit);
        httpRouter.use(await createRouter({ httpAuth, permissions, catalog, reports, logger, auditor, rateLimiter }));
      },
    });
  },
});
