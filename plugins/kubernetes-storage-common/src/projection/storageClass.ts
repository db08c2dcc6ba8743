import type { StorageClass } from '../model/snapshot';
import { isTrueAnnotation, projectMeta } from './meta';
import { asRecord, bool, oneOf, str } from './raw';

export function projectStorageClass(raw: unknown): StorageClass {
  const meta = projectMeta(raw, 'StorageClass', false);
  const obj = asRecord(raw)!;
  return {
    meta,
    provisioner: str(obj.provisioner) ?? '',
    reclaimPolicy: oneOf(obj.reclaimPolicy, ['Retain', 'Delete', 'Recycle'], 'Delete'),
    volumeBindingMode: oneOf(obj.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer'], 'Immediate'),
    allowVolumeExpansion: bool(obj.allowVolumeExpansion) ?? false,
    isDefault: isTrueAnnotation(
      meta.annotations,
      'storageclass.kubernetes.io/is-default-class',
      'storageclass.beta.kubernetes.io/is-default-class',
    ),
  };
}
