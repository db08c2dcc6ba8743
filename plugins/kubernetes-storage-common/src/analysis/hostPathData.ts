// When a hostPath volume holds application data: the one rule behind pod-hostpath-data and the hostPath part of
// sts-ephemeral-data, so the two never disagree about the same volume.
import type { PodVolume } from '../model/snapshot';

// Node paths that system agents and ordinary pods mount on purpose (/etc/localtime, /dev/shm, /var/run/docker.sock,
// /lib/modules...); what is there belongs to the node, not to an application.
const SYSTEM_PATHS = [
  '/var/log',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/var/lib/cni',
  '/var/run',
  '/run',
  '/proc',
  '/sys',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/usr',
  '/boot',
  '/opt/cni',
];

/** The node root or a system path, compared by whole path segments (/var/logs-app is not /var/log). */
export function isSystemPath(path: string | undefined): boolean {
  const p = (path ?? '/').replace(/\/+$/, '') || '/';
  return p === '/' || SYSTEM_PATHS.some((s) => p === s || p.startsWith(`${s}/`));
}

/**
 * A hostPath volume a container mounts writable (not every mount readOnly) at a path outside the system paths:
 * whatever the pod writes there stays on the node it ran on.
 */
export function isWritableHostPathData(v: PodVolume): boolean {
  return v.kind === 'hostPath' && v.mounted !== false && v.readOnly !== true && !isSystemPath(v.path);
}
