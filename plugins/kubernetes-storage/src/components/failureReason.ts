// A cluster failure's reason code in words for a title. "error" is the catch-all: its message says what happened,
// so the title adds nothing rather than the bare word "error".
import type { ClusterFailure } from '@kubectl-storage/plugin-kubernetes-storage-common/light';

const WORDS: Record<ClusterFailure['reason'], string | undefined> = {
  unreachable: 'unreachable',
  timeout: 'no answer in time',
  unauthorized: 'credentials refused',
  forbidden: 'access denied',
  'not-found': 'API not found',
  config: 'configuration error',
  'not-synced': 'not synced yet',
  'not-in-input': 'not in the input',
  error: undefined,
};

/** The words for a failure's reason, or undefined when the message alone says it. */
export const failureReasonText = (failure: ClusterFailure): string | undefined => WORDS[failure.reason];
