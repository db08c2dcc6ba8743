// What one ordinal cell says. The core marks the first not-Ready ordinal that holds the set back (`blocking`);
// the Missing ordinals above it are not broken themselves: the controller is waiting, so the cell says "Blocked"
// and names the ordinal it waits for.
import type { OrdinalView, StatefulSetView } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import type { Tone } from './StatusText';

export interface OrdinalState {
  label: string;
  tone: Tone;
  /** One sentence for the cell's tooltip and screen readers. */
  description: string;
}

export function ordinalState(set: StatefulSetView, o: OrdinalView): OrdinalState {
  if (o.blocking) {
    return {
      label: 'Not ready, blocking',
      tone: 'error',
      description: `${o.podName} is not Ready and holds back the ordinals above it and the rolling update.`,
    };
  }
  if (o.status === 'Missing' && set.blockingOrdinal !== undefined && o.ordinal > set.blockingOrdinal) {
    return {
      label: 'Blocked',
      tone: 'error',
      description: `No pod: the controller waits for ${set.name}-${set.blockingOrdinal} to be Ready before creating it.`,
    };
  }
  switch (o.status) {
    case 'Ready':
      return { label: 'Ready', tone: 'ok', description: `${o.podName} is Running and Ready.` };
    case 'NotReady':
      return { label: 'Not ready', tone: 'error', description: `${o.podName} exists but is not Ready.` };
    case 'Pending':
      return { label: 'Pending', tone: 'pending', description: `${o.podName} is not running yet.` };
    case 'Missing':
      return { label: 'Missing', tone: 'warning', description: `No pod ${o.podName} although the ordinal is in range.` };
    case 'Terminating':
      return { label: 'Terminating', tone: 'pending', description: `${o.podName} is being deleted.` };
    case 'Leftover':
      return {
        label: 'Leftover',
        tone: 'warning',
        description: `Ordinal ${o.ordinal} is outside the set's range; its claims remain.`,
      };
    case 'Unknown':
    default:
      return { label: 'Not read', tone: 'unknown', description: 'Pods could not be read in this namespace.' };
  }
}
