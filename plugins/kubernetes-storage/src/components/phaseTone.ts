// Phase words mapped to a tone for the icon; the phase itself is always printed next to it.
import type { IngressPathStatus } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import type { Tone } from './StatusText';

export function volumePhaseTone(phase: string): Tone {
  switch (phase) {
    case 'Bound':
      return 'ok';
    case 'Available':
    case 'Pending':
      return 'pending';
    case 'Released':
      return 'warning';
    case 'Failed':
    case 'Lost':
      return 'error';
    default:
      return 'unknown';
  }
}

export const ingressStatusText: Record<IngressPathStatus, { label: string; tone: Tone }> = {
  OK: { label: 'OK', tone: 'ok' },
  NoReadyEndpoints: { label: 'No ready endpoints (503)', tone: 'error' },
  ServiceMissing: { label: 'Service missing', tone: 'error' },
  PortMissing: { label: 'Port missing', tone: 'error' },
  NoController: { label: 'No controller for its IngressClass', tone: 'error' },
  ExternalName: { label: 'ExternalName Service (not checked)', tone: 'unknown' },
  ResourceBackend: { label: 'Resource backend (not checked)', tone: 'unknown' },
  Unknown: { label: 'Not read', tone: 'unknown' },
};

export function ingressStatus(status: IngressPathStatus): { label: string; tone: Tone } {
  return ingressStatusText[status] ?? { label: status, tone: 'unknown' };
}
