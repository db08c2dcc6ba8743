// Findings grouped by severity, most severe first, each with the catalog's title, why it matters and how to fix
// it. The explanation sits in a <details> element: one keyboard stop per finding, open on Enter/Space.
import React from 'react';
import type { CatalogEntry, Finding, ObjectRef, Severity } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { StatusText, type Tone } from './StatusText';
import { Body, Heading, Muted } from './text';

export const SEVERITIES: { severity: Severity; label: string; tone: Tone }[] = [
  { severity: 'critical', label: 'Critical', tone: 'error' },
  { severity: 'warning', label: 'Warning', tone: 'warning' },
  { severity: 'info', label: 'Info', tone: 'ok' },
];

export function objectLabel(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

function FindingItem(props: { finding: Finding; entry?: CatalogEntry; label: string; tone: Tone }) {
  const { finding, entry, label, tone } = props;
  return (
    <li data-testid={`finding-${finding.code}`} style={{ marginBottom: 12 }}>
      <StatusText tone={tone}>
        <strong>{label}</strong> {entry?.title ?? finding.code}{' '}
        <Muted>
          ({finding.code}, {objectLabel(finding.object)})
        </Muted>
      </StatusText>
      <Body>{finding.message}</Body>
      {finding.hint && (
        <Body>
          <strong>Next step:</strong> {finding.hint}
        </Body>
      )}
      {entry && (
        <details>
          <summary>Why it matters and how to fix it</summary>
          <Body>
            <strong>Why it matters:</strong> {entry.why}
          </Body>
          <Body>
            <strong>How to fix:</strong> {entry.fix}
          </Body>
        </details>
      )}
    </li>
  );
}

export function FindingsSection(props: { findings: Finding[]; catalog: ReadonlyMap<string, CatalogEntry> }) {
  const { findings, catalog } = props;
  if (findings.length === 0) {
    return <Body>No findings in what was read.</Body>;
  }
  return (
    <>
      {SEVERITIES.map(({ severity, label, tone }) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} data-testid={`findings-${severity}`}>
            <Heading level={4}>
              {label} ({group.length})
            </Heading>
            <ul style={{ listStyle: 'none', paddingLeft: 0 }}>
              {group.map((f, i) => (
                <FindingItem
                  key={`${f.code}/${objectLabel(f.object)}/${i}`}
                  finding={f}
                  entry={catalog.get(f.code)}
                  label={label}
                  tone={tone}
                />
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
