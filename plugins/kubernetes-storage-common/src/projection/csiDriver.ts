// CSIDriver: which CSI drivers Kubernetes attaches to a node before mounting (spec.attachRequired).
import type { CSIDriver } from '../model/snapshot';
import { projectMeta } from './meta';
import { bool, recordAt } from './raw';

export function projectCSIDriver(raw: unknown): CSIDriver {
  return {
    meta: projectMeta(raw, 'CSIDriver', false),
    // The API server defaults attachRequired to true; only an explicit false skips the attach.
    attachRequired: bool(recordAt(raw, 'spec')?.attachRequired) !== false,
  };
}
