// One cell per StatefulSet ordinal: state as icon and word, its claims and volumes, and on hover or keyboard
// focus the pod's restarts and last reason. Each cell is one Tab stop; the details are also in the cell's
// accessible description, so screen readers get them without the tooltip.
import React, { useState } from 'react';
import type { OrdinalView, StatefulSetView } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { humanizeAge } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { StatusText } from './StatusText';
import { ordinalState } from './ordinalState';
import { Body, Heading } from './text';

const visuallyHidden: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

const toneBorder: Record<string, string> = {
  ok: '#2e7d32',
  warning: '#ed6c02',
  error: '#d32f2f',
  pending: '#0288d1',
  unknown: '#757575',
};

/** The pod facts shown on hover/focus: restarts, why it waits, how it last ended, where and which revision. */
export function podDetails(o: OrdinalView): string[] {
  const pod = o.pod;
  if (!pod) return ['No pod.'];
  const lines = [`Phase ${pod.phase}, ${pod.ready ? 'Ready' : 'not Ready'}`, `Restarts: ${pod.restarts}`];
  if (pod.waitingReason) lines.push(`Waiting: ${pod.waitingReason}`);
  if (pod.lastTerminationReason) lines.push(`Last terminated: ${pod.lastTerminationReason}`);
  if (pod.node) lines.push(`Node: ${pod.node}`);
  lines.push(pod.updated ? 'Runs the update revision' : `Runs an old revision${pod.revision ? ` (${pod.revision})` : ''}`);
  if (pod.ageSeconds !== undefined) lines.push(`Age: ${humanizeAge(pod.ageSeconds)}`);
  return lines;
}

function OrdinalCell(props: { set: StatefulSetView; ordinal: OrdinalView }) {
  const { set, ordinal: o } = props;
  const [open, setOpen] = useState(false);
  const state = ordinalState(set, o);
  const details = [state.description, ...podDetails(o)];
  const detailsId = `ordinal-${set.namespace}-${set.name}-${o.ordinal}-details`;
  return (
    <li style={{ listStyle: 'none', position: 'relative' }}>
      <div
        tabIndex={0}
        role="group"
        aria-label={`Ordinal ${o.ordinal}, ${o.podName}: ${state.label}`}
        aria-describedby={detailsId}
        data-testid={`ordinal-${set.name}-${o.ordinal}`}
        data-state={state.label}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        style={{
          border: '1px solid #bdbdbd',
          borderLeft: `6px solid ${toneBorder[state.tone]}`,
          borderRadius: 4,
          padding: '6px 8px',
          minWidth: 170,
        }}
      >
        <div style={{ fontWeight: 500 }}>{o.podName}</div>
        <StatusText tone={state.tone}>{state.label}</StatusText>
        {o.claims.map((c) => (
          <Body key={c.name} small>
            PVC {c.name} {c.phase ? `(${c.phase})` : '(not created)'}
            {c.volume ? ` → PV ${c.volume}${c.volumePhase ? ` (${c.volumePhase})` : ''}` : ''}
          </Body>
        ))}
        {o.pod && (
          <Body small>
            {o.pod.restarts} restart{o.pod.restarts === 1 ? '' : 's'}
          </Body>
        )}
        <span id={detailsId} style={visuallyHidden}>
          {details.join('. ')}
        </span>
      </div>
      {open && (
        // Shown on hover and keyboard focus (Escape hides it); its text is the cell's description as well.
        <div
          role="tooltip"
          aria-hidden="true"
          style={{
            position: 'absolute',
            zIndex: 10,
            top: '100%',
            left: 0,
            marginTop: 4,
            padding: '6px 8px',
            borderRadius: 4,
            background: 'rgba(33, 33, 33, 0.95)',
            color: '#fff',
            fontSize: '0.75rem',
            minWidth: 220,
            pointerEvents: 'none',
          }}
        >
          {details.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
    </li>
  );
}

export function OrdinalGrid(props: { set: StatefulSetView }) {
  const { set } = props;
  return (
    <div data-testid={`statefulset-${set.namespace}-${set.name}`} style={{ marginBottom: 16 }}>
      <Heading level={4}>
        StatefulSet {set.namespace}/{set.name}: {set.readyReplicas}/{set.replicas} ready
      </Heading>
      <Body muted>
        {set.podManagementPolicy}, {set.updateStrategy}
        {set.partition ? ` (partition ${set.partition})` : ''}
        {set.serviceName ? `, Service ${set.serviceName}${serviceNote(set)}` : ''}
      </Body>
      <ol
        aria-label={`Ordinals of StatefulSet ${set.name}`}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, paddingLeft: 0, margin: '8px 0' }}
      >
        {set.ordinals.map((o) => (
          <OrdinalCell key={o.ordinal} set={set} ordinal={o} />
        ))}
      </ol>
      {set.ordinalsElided && set.ordinalsElided.count > 0 && (
        <Body>
          {set.ordinalsElided.count} more ordinals have neither a pod nor a claim ({set.ordinalsElided.ranges}).
        </Body>
      )}
    </div>
  );
}

function serviceNote(set: StatefulSetView): string {
  switch (set.serviceStatus) {
    case 'headless':
      return ' (headless)';
    case 'not-headless':
      return ' (not headless)';
    case 'missing':
      return ' (missing)';
    case 'not-read':
      return ' (not read)';
    default:
      return '';
  }
}
