// Findings about StorageClass configuration: which class a claim without one gets.
import type { CatalogEntry } from '../model/report';

export const storageClassCatalog: CatalogEntry[] = [
  {
    code: 'storageclass-no-default',
    severity: 'warning',
    area: 'StorageClass',
    title: 'No default StorageClass',
    why:
      'Claims that leave storageClassName unset (most Helm charts do) get the default class. Without one they ' +
      'stay Pending, and workloads installed later will not start.',
    fix:
      'Mark the class most claims should use as default: `kubectl annotate storageclass NAME ' +
      'storageclass.kubernetes.io/is-default-class=true`.',
  },
  {
    code: 'storageclass-multiple-defaults',
    severity: 'warning',
    area: 'StorageClass',
    title: 'Several default StorageClasses',
    why:
      'More than one class is marked default. Since Kubernetes 1.26 the newest one wins for claims without a ' +
      'class, so which storage a workload gets depends on when classes were created, and older clusters reject ' +
      'such claims.',
    fix:
      'Keep the annotation storageclass.kubernetes.io/is-default-class=true on one class and set it to "false" on ' +
      'the others.',
  },
];
