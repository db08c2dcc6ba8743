// Every status on the page is an icon and a word: colour only repeats what the text already says.
import React from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

export type Tone = 'ok' | 'warning' | 'error' | 'pending' | 'unknown';

const byTone = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
  unknown: StatusAborted,
} as const;

export function StatusText(props: { tone: Tone; children: React.ReactNode }) {
  const Status = byTone[props.tone];
  // One span: the Status components lay children out as flex items, which would drop the spaces between them.
  return (
    <Status>
      <span>{props.children}</span>
    </Status>
  );
}
