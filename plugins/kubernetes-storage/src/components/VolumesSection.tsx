// The entity's volumes and claims with their phases. Orphaned volumes (Released with reclaim policy Retain, as
// the core's pv-released-retain finding says) come first in their own list with size and age, because they cost
// money and nothing will ever use them again; their rows in the table are marked too, in words. Orphaned claims
// (left behind by a scale-in, or mounted by no pod) follow in theirs. With the backend's prices each orphan shows
// its monthly cost and a line gives the total (OrphanCost.tsx); without them, sizes only.
import React from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import type { ClaimView, Orphan, Pricing, StorageReport, VolumeView } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { ORPHANED_VOLUME_CODE, formatBytes, humanizeAge } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { StatusText } from './StatusText';
import { volumePhaseTone } from './phaseTone';
import { unreadKinds } from './notRead';
import { Body } from './text';
import { OrphanCostLine, costText, orphansOf } from './OrphanCost';

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

const orphanKey = (kind: string, name: string, namespace?: string): string => `${kind}/${namespace ?? ''}/${name}`;

/** A highlighted, labelled list of orphans: a warning headline, then one item each. */
function OrphanBox(props: { label: string; testId: string; headline: string; children: React.ReactNode }) {
  return (
    <div
      role="region"
      aria-label={props.label}
      data-testid={props.testId}
      style={{ border: '2px solid #ed6c02', borderRadius: 4, padding: 8, marginBottom: 12 }}
    >
      <StatusText tone="warning">
        <strong>{props.headline}</strong>
      </StatusText>
      <ul>{props.children}</ul>
    </div>
  );
}

function OrphanList(props: { volumes: VolumeView[]; orphans: ReadonlyMap<string, Orphan>; pricing?: Pricing }) {
  const total = props.volumes.reduce((sum, v) => sum + (v.capacityBytes ?? 0), 0);
  const n = props.volumes.length;
  return (
    <OrphanBox
      label="Orphaned volumes"
      testId="orphaned-volumes"
      headline={`${n} orphaned volume${n === 1 ? '' : 's'} (${formatBytes(total)}): Released and kept (reclaim policy Retain), used by nothing`}
    >
        {props.volumes.map((v) => (
          <li key={v.name} data-testid={`orphan-${v.name}`}>
            <Body>
              PV <strong>{v.name}</strong>, {size(v)}
              {v.storageClass ? `, class ${v.storageClass}` : ''}, Released for {age(v.phaseAgeSeconds) || 'an unknown time'}
              {v.claim ? `; it belonged to claim ${v.claim}` : ''}
              {v.ownerOrdinal ? ` (ordinal ${v.ownerOrdinal.ordinal} of StatefulSet ${v.ownerOrdinal.statefulSet})` : ''}
              {costText(props.orphans.get(orphanKey('PersistentVolume', v.name)), props.pricing)}
            </Body>
          </li>
        ))}
    </OrphanBox>
  );
}

/** Claims the core lists as orphans: left behind by a StatefulSet scale-in, or bound but mounted by no pod. */
function OrphanedClaims(props: { claims: Orphan[]; pricing?: Pricing }) {
  const total = props.claims.reduce((sum, c) => sum + (c.sizeBytes ?? 0), 0);
  const n = props.claims.length;
  return (
    <OrphanBox
      label="Orphaned claims"
      testId="orphaned-claims"
      headline={`${n} orphaned claim${n === 1 ? '' : 's'} (${formatBytes(total)}): kept, used by no pod`}
    >
        {props.claims.map((c) => (
          <li key={`${c.namespace}/${c.name}`} data-testid={`orphan-claim-${c.namespace}-${c.name}`}>
            <Body>
              PVC <strong>{c.namespace}/{c.name}</strong>, {c.size ?? 'unknown size'}
              {c.storageClass ? `, class ${c.storageClass}` : ''}, {c.reason}
              {c.ageSeconds !== undefined ? `, ${humanizeAge(c.ageSeconds)} old` : ''}
              {costText(c, props.pricing)}
            </Body>
          </li>
        ))}
    </OrphanBox>
  );
}

export function VolumesSection(props: { report: StorageReport; pricing?: Pricing }) {
  const { report, pricing } = props;
  const orphans = orphanedVolumeNames(report);
  const orphanViews = report.volumes.filter((v) => orphans.has(v.name));
  const listed = orphansOf(report, pricing);
  const byKey = new Map(listed.map((o) => [orphanKey(o.kind, o.name, o.namespace), o]));
  const orphanClaims = listed.filter((o) => o.kind === 'PersistentVolumeClaim');
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
      {report.orphanCost && <OrphanCostLine cost={report.orphanCost} />}
      {orphanViews.length > 0 && <OrphanList volumes={orphanViews} orphans={byKey} pricing={pricing} />}
      {orphanClaims.length > 0 && <OrphanedClaims claims={orphanClaims} pricing={pricing} />}
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
