import type { StorageClass } from '../model/snapshot';
import { isTrueAnnotation, projectMeta } from './meta';
import { asRecord, asWritten, bool, str } from './raw';

export function projectStorageClass(raw: unknown): StorageClass {
  const meta = projectMeta(raw, 'StorageClass', false);
  const obj = asRecord(raw)!;
  return {
    meta,
    provisioner: str(obj.provisioner) ?? '',
    // Unset fields get the API server's defaults; anything else is kept as written, known or not.
    reclaimPolicy: asWritten(obj.reclaimPolicy, 'Delete'),
    volumeBindingMode: asWritten(obj.volumeBindingMode, 'Immediate'),
    allowVolumeExpansion: bool(obj.allowVolumeExpansion) ?? false,
    isDefault: isTrueAnnotation(
      meta.annotations,
      'storageclass.kubernetes.io/is-default-class',
      'storageclass.beta.kubernetes.io/is-default-class',
    ),
  };
}
