// Whether Kubernetes attaches a volume to a node before mounting it: the attach/detach controller's single-node
// rule (Multi-Attach) exists only for attached volumes. CSI drivers decide through their CSIDriver object.
import type { PersistentVolume } from '../model/snapshot';
import type { AnalysisContext } from './context';

export type Attachment =
  | { attached: true; why: string }
  /**
   * Nothing attaches it, so nothing keeps a ReadWriteOnce volume on one node. nodeBound: it exists on one node only
   * (hostPath, local), so "several nodes" means several different directories, not one shared volume.
   */
  | { attached: false; why: string; nodeBound: boolean }
  | { attached: 'unknown'; why: string };

/**
 * Sources no node attaches: network file systems mounted on any number of nodes, and node-local volumes that only
 * exist on their own node (nodeBound). The in-tree plugins implement no attacher for them.
 */
const NEVER_ATTACHED: ReadonlyMap<string, boolean> = new Map([
  ['hostPath', true],
  ['local', true],
  ['nfs', false],
  ['cephfs', false],
  ['glusterfs', false],
  ['azureFile', false],
  ['quobyte', false],
]);

/** In-tree sources with an attacher (or migrated to CSI drivers that attach): the reconciler attaches them. */
const ATTACHED_IN_TREE: ReadonlySet<string> = new Set([
  'awsElasticBlockStore',
  'azureDisk',
  'cinder',
  'fc',
  'gcePersistentDisk',
  'iscsi',
  'rbd',
  'vsphereVolume',
  'photonPersistentDisk',
]);

export function volumeAttachment(ctx: AnalysisContext, pv: PersistentVolume | undefined): Attachment {
  if (!pv) return { attached: 'unknown', why: 'its PersistentVolume was not read, so whether it is attached is unknown' };
  const nodeBound = NEVER_ATTACHED.get(pv.source);
  if (nodeBound !== undefined) return { attached: false, why: `${pv.source} volumes are never attached`, nodeBound };
  if (ATTACHED_IN_TREE.has(pv.source)) return { attached: true, why: `${pv.source} volumes are attached to one node` };
  if (pv.source.startsWith('csi:')) {
    const driver = pv.source.slice('csi:'.length);
    if (!ctx.observed('csidrivers')) {
      return { attached: 'unknown', why: `CSIDrivers were not read, so whether driver ${driver} attaches is unknown` };
    }
    const object = ctx.index.csiDriverByName.get(driver);
    if (!object) return { attached: true, why: `driver ${driver} has no CSIDriver object, so Kubernetes attaches its volumes` };
    return object.attachRequired
      ? { attached: true, why: `CSIDriver ${driver} requires attach` }
      : { attached: false, why: `CSIDriver ${driver} has attachRequired: false`, nodeBound: false };
  }
  return { attached: 'unknown', why: `whether ${pv.source} volumes are attached is unknown` };
}
