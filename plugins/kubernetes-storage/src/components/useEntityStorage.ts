// Loads the entity's per-cluster answer and the finding catalog. The catalog only adds explanations: when it
// fails the findings still show, with their own message and hint.
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { CatalogEntry, EntityStorageResponse } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { kubernetesStorageApiRef } from '../api/KubernetesStorageApi';

export interface EntityStorageState {
  loading: boolean;
  error?: Error;
  value?: EntityStorageResponse;
  catalog: ReadonlyMap<string, CatalogEntry>;
  retry: () => void;
}

export function useEntityStorage(entityRef: CompoundEntityRef): EntityStorageState {
  const api = useApi(kubernetesStorageApiRef);
  const { kind, namespace, name } = entityRef;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<EntityStorageState, 'retry'>>({ loading: true, catalog: new Map() });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const catalog = api
      .getCatalog({ signal })
      .then((c) => new Map(c.items.map((e) => [e.code, e] as const)))
      .catch(() => new Map<string, CatalogEntry>());
    api
      .getEntityStorage({ kind, namespace, name }, { signal })
      .then(async (value) => {
        const entries = await catalog;
        if (!signal.aborted) setState({ loading: false, value, catalog: entries });
      })
      .catch((error: Error) => {
        if (!signal.aborted) setState({ loading: false, error, catalog: new Map() });
      });
    return () => controller.abort();
  }, [api, kind, namespace, name, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
