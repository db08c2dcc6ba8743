import type { IncompleteReason } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ApiResponse } from './httpGet';

/** What an HTTP status means for the data: a gap of this kind in the snapshot. */
export function reasonOfStatus(status: number): IncompleteReason {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  return 'error';
}

/** The API server's own words (a metav1.Status message), else the status line and the body's first line. */
export function statusMessage(response: ApiResponse): string {
  const body = response.body;
  if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message.split('\n')[0];
  }
  const text = typeof body === 'string' ? body.split('\n')[0].trim() : '';
  return text ? `HTTP ${response.status}: ${text}` : `HTTP ${response.status}`;
}
