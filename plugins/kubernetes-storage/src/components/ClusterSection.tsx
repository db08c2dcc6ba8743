// One cluster's answer for the entity: status and freshness first, then findings, ordinals, storage and ingress.
// A failing cluster says why and since when; if the backend still holds its last good data it is shown, marked
// stale. Sections are Tab stops (labelled regions) so keyboard users can move through them in order.
import React from 'react';
import { Progress, WarningPanel } from '@backstage/core-components';
import type { CatalogEntry, ClusterStorageAnswer, Pricing, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { summarizeIncomplete } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { StatusText } from './StatusText';
import { FindingsSection } from './FindingsSection';
import { OrdinalGrid } from './OrdinalGrid';
import { VolumesSection } from './VolumesSection';
import { IngressSection } from './IngressSection';
import { failureReasonText } from './failureReason';
import { Freshness } from './Freshness';
import { unreadKinds } from './notRead';
import { usableReport } from './usableReport';
import { Body, Heading } from './text';

const slug = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '-');

function Section(props: { id: string; title: string; children: React.ReactNode }) {
  const headingId = `${props.id}-heading`;
  return (
    <section
      id={props.id}
      aria-labelledby={headingId}
      tabIndex={0}
      data-testid="storage-section"
      style={{ marginTop: 16 }}
    >
      <Heading level={3} id={headingId}>
        {props.title}
      </Heading>
      {props.children}
    </section>
  );
}

const statusLine = {
  ok: { tone: 'ok', text: 'Read' },
  failing: { tone: 'error', text: 'Failing' },
  pending: { tone: 'pending', text: 'First sync in progress' },
} as const;

function ReportSections(props: { id: string; report: StorageReport; catalog: ReadonlyMap<string, CatalogEntry>; pricing?: Pricing }) {
  const { id, report, catalog, pricing } = props;
  const gaps = summarizeIncomplete(report.incomplete);
  return (
    <>
      {gaps.length > 0 && (
        <div role="note" aria-label="Not read">
          {gaps.map((g) => (
            <StatusText key={g.kind} tone="unknown">
              Not read: {g.text}
            </StatusText>
          ))}
        </div>
      )}
      <Section id={`${id}-findings`} title={`Findings (${report.findings.length})`}>
        <FindingsSection findings={report.findings} catalog={catalog} />
      </Section>
      <Section id={`${id}-statefulsets`} title={`StatefulSets (${report.statefulSets.length})`}>
        {report.statefulSets.length === 0 ? (
          <Body>
            {unreadKinds(report, ['statefulsets']).length ? 'StatefulSets were not read.' : 'The entity has no StatefulSets.'}
          </Body>
        ) : (
          report.statefulSets.map((s) => <OrdinalGrid key={`${s.namespace}/${s.name}`} set={s} />)
        )}
      </Section>
      <Section id={`${id}-volumes`} title={`Volumes and claims (${report.volumes.length} volumes, ${report.claims.length} claims)`}>
        <VolumesSection report={report} pricing={pricing} />
      </Section>
      <Section id={`${id}-ingresses`} title={`Ingress paths (${report.ingresses.length})`}>
        <IngressSection report={report} />
      </Section>
    </>
  );
}

/** `pricing`: the backend's prices (EntityStorageResponse.pricing), for each orphan's cost; absent: sizes only. */
export function ClusterSection(props: { answer: ClusterStorageAnswer; catalog: ReadonlyMap<string, CatalogEntry>; pricing?: Pricing }) {
  const { answer, catalog, pricing } = props;
  const id = `cluster-${slug(answer.cluster)}`;
  const line = statusLine[answer.status] ?? { tone: 'unknown', text: answer.status };
  const report = usableReport(answer);
  const reasonText = answer.failure && failureReasonText(answer.failure);
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid={`cluster-${answer.cluster}`}
      style={{ marginBottom: 32 }}
    >
      <Heading level={2} id={`${id}-heading`}>
        Cluster {answer.cluster}
      </Heading>
      <StatusText tone={line.tone}>{line.text}</StatusText>
      <Freshness freshness={answer.freshness} />
      {answer.status === 'failing' && (
        <WarningPanel
          severity="error"
          defaultExpanded
          title={`Cluster ${answer.cluster} cannot be read${reasonText ? `: ${reasonText}` : ''}`}
          message={
            answer.failure ? (
              <>
                {answer.failure.message} (failing since <time dateTime={answer.failure.since}>{answer.failure.since}</time>)
                {report ? '. Below is the last data read, which may be out of date.' : '. No earlier data is held.'}
              </>
            ) : undefined
          }
        />
      )}
      {answer.status === 'pending' && !report && (
        <>
          <Progress />
          <Body>The backend is reading this cluster for the first time.</Body>
        </>
      )}
      {report && <ReportSections id={id} report={report} catalog={catalog} pricing={pricing} />}
    </section>
  );
}
