// The enum values the Kubernetes API documents for the storage kinds, and the one check that finds fields holding
// anything else. Projections keep unknown values as written; analyzers test against these sets before drawing a
// conclusion from a value, and report what they could not judge (pv-/pvc-/storageclass-unknown-value).
import type {
  PersistentVolumeClaimPhase,
  PersistentVolumePhase,
  ReclaimPolicy,
  VolumeBindingMode,
  VolumeMode,
} from '../model/snapshot';
import { quantityProblem } from '../util/quantity';

export const PV_PHASES: ReadonlySet<string> = new Set<PersistentVolumePhase>(['Pending', 'Available', 'Bound', 'Released', 'Failed']);
export const PVC_PHASES: ReadonlySet<string> = new Set<PersistentVolumeClaimPhase>(['Pending', 'Bound', 'Lost']);
export const RECLAIM_POLICIES: ReadonlySet<string> = new Set<ReclaimPolicy>(['Retain', 'Delete', 'Recycle']);
export const VOLUME_MODES: ReadonlySet<string> = new Set<VolumeMode>(['Filesystem', 'Block']);
export const BINDING_MODES: ReadonlySet<string> = new Set<VolumeBindingMode>(['Immediate', 'WaitForFirstConsumer']);

/** One field whose value no conclusion can be drawn from. */
export interface UnknownField {
  field: string;
  value: string;
  /** "unknown" for an enum value the API does not document; the quantity problem for sizes. */
  why: string;
}

/** Checks enum fields against their sets and size fields for usable quantities, in the order given. */
export function unknownFields(
  enums: [field: string, value: string, known: ReadonlySet<string>][],
  sizes: [field: string, value: string | undefined][] = [],
): UnknownField[] {
  const out: UnknownField[] = [];
  for (const [field, value, known] of enums) if (!known.has(value)) out.push({ field, value, why: 'unknown' });
  for (const [field, value] of sizes) {
    const problem = quantityProblem(value);
    if (problem && value !== undefined) out.push({ field, value, why: problem });
  }
  return out;
}

/** "phase "Exploded" (unknown), capacity "1e99" (too large)" */
export function describeUnknown(fields: UnknownField[]): string {
  return fields.map((f) => `${f.field} ${JSON.stringify(f.value)} (${f.why === 'unknown' ? 'not a value the API knows' : f.why})`).join(', ');
}

/** Finding details for unknown fields: `field: value` pairs. */
export function unknownDetails(fields: UnknownField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.field, f.value]));
}
