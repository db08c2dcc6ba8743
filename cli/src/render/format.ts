// Cell formatting shared by every table, following kubectl's conventions: `<none>` for an empty value,
// `<unknown>` for an age that cannot be told, access modes abbreviated as in `kubectl get pv`.
import { formatBytes, humanizeAge } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ObjectRef, Severity } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { Style } from '../lib/colors';
import type { Cell } from './table';

export const NONE = '<none>';

export const orNone = (value: string | number | undefined | null): string =>
  value === undefined || value === null || value === '' ? NONE : String(value);

export const age = (seconds: number | undefined): string => (seconds === undefined ? '<unknown>' : humanizeAge(seconds));

export const size = (quantity: string | undefined, bytes?: number): string =>
  quantity ?? (bytes !== undefined ? formatBytes(bytes) : NONE);

const ACCESS_MODE: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

export const accessModes = (modes: string[]): string =>
  modes.length === 0 ? NONE : modes.map((m) => ACCESS_MODE[m] ?? m).join(',');

const SHORT_KIND: Record<string, string> = {
  PersistentVolume: 'pv',
  PersistentVolumeClaim: 'pvc',
  StorageClass: 'storageclass',
  StatefulSet: 'statefulset',
  Pod: 'pod',
  Ingress: 'ingress',
  IngressClass: 'ingressclass',
  Service: 'service',
  Node: 'node',
  Secret: 'secret',
};

/** `kind/name` as kubectl accepts it on the command line (`kubectl describe pvc/data-web-0`). */
export const objectName = (ref: ObjectRef): string => `${SHORT_KIND[ref.kind] ?? ref.kind.toLowerCase()}/${ref.name}`;

/** kind/name with its namespace, for places without a NAMESPACE column. */
export const qualifiedName = (ref: ObjectRef): string =>
  ref.namespace ? `${objectName(ref)} -n ${ref.namespace}` : objectName(ref);

// One severity order for the whole product (the core's): sorting, --fail-on and these colours.
export { SEVERITY_ORDER } from '@kubectl-storage/plugin-kubernetes-storage-common';

export const SEVERITY_STYLE: Record<Severity, Style> = { critical: 'boldRed', warning: 'yellow', info: 'cyan' };

export const severityCell = (severity: Severity): Cell => ({ text: severity, style: SEVERITY_STYLE[severity] });

/** Statuses that mean "look here" are coloured; healthy ones stay plain so the eye lands on trouble. */
const STATUS_STYLE: Record<string, Style> = {
  Released: 'yellow',
  Failed: 'red',
  Lost: 'red',
  Pending: 'yellow',
  NotReady: 'red',
  Missing: 'red',
  Terminating: 'yellow',
  Leftover: 'yellow',
  Unknown: 'dim',
  NoReadyEndpoints: 'red',
  ServiceMissing: 'red',
  PortMissing: 'red',
};

export const statusCell = (status: string): Cell => ({ text: status, style: STATUS_STYLE[status] });
