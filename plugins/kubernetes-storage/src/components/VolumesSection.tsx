// The entity's volumes and claims with their phases. Orphaned volumes (Released with reclaim policy Retain, as
// the core's pv-released-retain finding says) come first in their own list with size and age, because they cost
// money and nothing will ever use them again; their rows in the table are marked too, in words.
import React from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import type { ClaimView, StorageReport, VolumeView } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { ORPHANED_VOLUME_CODE, formatBytes, humanizeAge } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { StatusText } from './StatusText';
import { volumePhaseTone } from './phaseTone';
import { unreadKinds } from './notRead';
import { Body } from './text';

// The core's code for an orphaned volume (pv-released-retain).
const ORPHAN_CODE = ORPHANED_VOLUME_CODE;

/** Volume names the core reported as orphaned. */
export function orphanedVolumeNames(report: StorageReport): Set<string> {
  return new Set(
    report.findings.filter((f) => f.code === ORPHAN_CODE && f.object.kind === 'PersistentVolume').map((f) => f.object.name),
  );
}

function size(v: { capacity?: string; capacityBytes?: number }): string {
  if (v.capacity) return v.capacity;
  return v.capacityBytes !== undefined ? formatBytes(v.capacityBytes) : 'unknown size';
}

const age = (seconds?: number): string => (seconds === undefined ? '' : humanizeAge(seconds));

function OrphanList(props: { volumes: VolumeView[] }) {
  const total = props.volumes.reduce((sum, v) => sum + (v.capacityBytes ?? 0), 0);
  return (
    <div
      role="region"
      aria-label="Orphaned volumes"
      data-testid="orphaned-volumes"
      style={{ border: '2px solid #ed6c02', borderRadius: 4, padding: 8, marginBottom: 12 }}
    >
      <StatusText tone="warning">
        <strong>
          {props.volumes.length} orphaned volume{props.volumes.length === 1 ? '' : 's'} ({formatBytes(total)}): Released
          and kept (reclaim policy Retain), used by nothing
        </strong>
      </StatusText>
      <ul>
        {props.volumes.map((v) => (
          <li key={v.name} data-testid={`orphan-${v.name}`}>
            <Body>
              PV <strong>{v.name}</strong>, {size(v)}
              {v.storageClass ? `, class ${v.storageClass}` : ''}, Released for {age(v.phaseAgeSeconds) || 'an unknown time'}
              {v.claim ? `; it belonged to claim ${v.claim}` : ''}
              {v.ownerOrdinal ? ` (ordinal ${v.ownerOrdinal.ordinal} of StatefulSet ${v.ownerOrdinal.statefulSet})` : ''}
            </Body>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function VolumesSection(props: { report: StorageReport }) {
  const { report } = props;
  const orphans = orphanedVolumeNames(report);
  const orphanViews = report.volumes.filter((v) => orphans.has(v.name));
  const unread = unreadKinds(report, ['persistentvolumes', 'persistentvolumeclaims']);

  type VolumeRow = VolumeView & { id: string };
  const volumeColumns: TableColumn<VolumeRow>[] = [
    { title: 'Volume', field: 'name' },
    {
      title: 'Phase',
      render: (v) => (
        <StatusText tone={volumePhaseTone(v.phase)}>
          {v.phase}
          {orphans.has(v.name) ? ', orphaned' : ''}
        </StatusText>
      ),
    },
    { title: 'Size', render: (v) => size(v) },
    { title: 'Reclaim', field: 'reclaimPolicy' },
    { title: 'Class', render: (v) => v.storageClass ?? '' },
    { title: 'Claim', render: (v) => v.claim ?? '' },
    { title: 'In phase', render: (v) => age(v.phaseAgeSeconds) },
  ];
  type ClaimRow = ClaimView & { id: string };
  const claimColumns: TableColumn<ClaimRow>[] = [
    { title: 'Claim', render: (c) => `${c.namespace}/${c.name}` },
    { title: 'Phase', render: (c) => <StatusText tone={volumePhaseTone(c.phase)}>{c.phase}</StatusText> },
    { title: 'Volume', render: (c) => c.volume ?? '' },
    { title: 'Size', render: (c) => c.capacity ?? c.requested ?? '' },
    { title: 'Class', render: (c) => c.storageClass ?? '' },
    { title: 'Used by', render: (c) => (c.usedBy.length ? c.usedBy.join(', ') : 'no pod') },
    {
      title: 'Usage',
      render: (c) => (c.usage?.usedPercent !== undefined ? `${Math.round(c.usage.usedPercent)}%` : ''),
    },
    { title: 'Age', render: (c) => age(c.ageSeconds) },
  ];

  return (
    <>
      {unread.length > 0 && (
        <StatusText tone="unknown">Not read: {unread.join(', ')}; what is listed may be incomplete.</StatusText>
      )}
      {orphanViews.length > 0 && <OrphanList volumes={orphanViews} />}
      {report.volumes.length === 0 && report.claims.length === 0 ? (
        <Body>
          {unread.length ? 'No volumes or claims in what could be read.' : 'The entity has no volumes or claims.'}
        </Body>
      ) : (
        <>
          <Table<VolumeRow>
            title="Volumes"
            options={{
              paging: false,
              search: false,
              padding: 'dense',
              rowStyle: (row: VolumeRow) => (orphans.has(row.name) ? { backgroundColor: 'rgba(237, 108, 2, 0.12)' } : {}),
            }}
            columns={volumeColumns}
            data={report.volumes.map((v) => ({ ...v, id: v.name }))}
          />
          <div style={{ height: 12 }} />
          <Table<ClaimRow>
            title="Claims"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={claimColumns}
            data={report.claims.map((c) => ({ ...c, id: `${c.namespace}/${c.name}` }))}
          />
        </>
      )}
    </>
  );
}
