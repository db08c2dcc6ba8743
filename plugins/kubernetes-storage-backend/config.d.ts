// Config schema of the kubernetes-storage backend plugin. Clusters come from the same
// kubernetes.clusterLocatorMethods entries (type: config) the official Kubernetes plugin reads, so a portal that
// runs it needs nothing new; kubernetesStorage holds this plugin's own options.
/** The shape of Backstage's HumanDuration (e.g. `{ minutes: 5 }`). */
interface HumanDuration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

export interface Config {
  kubernetes?: {
    clusterLocatorMethods?: Array<{
      type: string;
      clusters?: Array<{
        name: string;
        url: string;
        authProvider?: string;
        /** @visibility secret */
        serviceAccountToken?: string;
        /** @visibility secret */
        caData?: string;
        caFile?: string;
        skipTLSVerify?: boolean;
      }>;
    }>;
  };
  kubernetesStorage?: {
    /** Names of the clusters to serve; default: every usable cluster. A listed cluster that cannot be used is an error. */
    clusters?: string[];
    /** How often a watched cluster is relisted in full even when its watches are healthy. Default 30 minutes. */
    resync?: HumanDuration;
    /** Extra sources, for development (a kubeconfig context) and demos or tests (kubectl get -o json dumps). */
    sources?: Array<
      | { type: 'kubeconfig'; name: string; path?: string; context?: string }
      | { type: 'snapshotFile'; name: string; path: string | string[] }
    >;
    /**
     * local (default): this process watches every cluster and answers from memory.
     * shared: several replicas; one at a time collects each cluster (a global scheduler task, coordinated by the
     * database) and publishes to the backend cache, the others answer from the cache.
     */
    collection?: {
      mode?: 'local' | 'shared';
      /** shared: how long one replica holds a cluster's watches before the task is handed on. Default 5 minutes. */
      lease?: HumanDuration;
      /** shared: how often the collecting replica publishes a changed snapshot. Default 2 seconds. */
      publishInterval?: HumanDuration;
    };
    /**
     * Requests per caller (a user, or a service by its subject), per replica: a token bucket. Past it the API
     * answers 429 with Retry-After. Default 300 per minute with bursts of 60.
     */
    rateLimit?: {
      requestsPerMinute?: number;
      burst?: number;
    };
    /**
     * What orphaned storage costs, the same shape as the CLI's --pricing file: StorageClass name -> price per
     * GiB-month (e.g. `standard: 0.10`), plus an optional `currency` for display (default USD). Reports then carry
     * orphanCost and the page shows per-object costs; without it, sizes only. A class without a price has no cost.
     */
    pricing?: {
      currency?: string;
      [storageClass: string]: number | string | undefined;
    };
  };
}
