// Findings about StorageClass configuration: which class a claim without one gets, and values the API does not know.
import { defineCatalog } from './defineCatalog';

const DEFAULT_CLASS_ADMISSION = 'plugin/pkg/admission/storage/storageclass/setdefault/admission.go';
const DEFAULT_CLASS_HELPER = 'pkg/volume/util/storageclass.go';

export const storageClassCatalog = defineCatalog([
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
    review: {
      controller: 'DefaultStorageClass admission, PV controller',
      rule:
        'GetDefaultClass considers only classes annotated is-default-class "true" (or the beta annotation); with ' +
        'none, admission leaves the class unset and the PV controller can only bind class-less volumes.',
      sources: [DEFAULT_CLASS_ADMISSION, DEFAULT_CLASS_HELPER],
    },
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
    review: {
      controller: 'DefaultStorageClass admission',
      rule:
        'GetDefaultClass sorts the default classes by creationTimestamp, newest first (ties by name), and returns ' +
        'the first; before 1.26 more than one default was an admission error.',
      sources: [DEFAULT_CLASS_HELPER, DEFAULT_CLASS_ADMISSION],
    },
  },
  {
    code: 'storageclass-unknown-value',
    severity: 'info',
    area: 'StorageClass',
    title: 'StorageClass field with a value this tool does not know',
    why:
      'The class\'s reclaimPolicy or volumeBindingMode is not one the Kubernetes API documents. The value is ' +
      'shown as written and no conclusion is drawn from it, so Pending claims of this class are not diagnosed.',
    fix:
      'Check where the object comes from (a newer API server, a hand-edited dump). StorageClass fields cannot be ' +
      'changed in place: recreate the class with a valid value if it is wrong.',
    review: {
      controller: 'API server validation',
      rule:
        'The API validates reclaimPolicy (Retain, Delete, Recycle) and volumeBindingMode (Immediate, ' +
        'WaitForFirstConsumer); other values come from elsewhere, so they are kept as written and flagged.',
      sources: ['pkg/apis/storage/validation/validation.go', 'API reference: StorageClass'],
    },
  },
]);
