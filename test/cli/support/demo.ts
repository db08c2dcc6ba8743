// The bundled demo dump, and a fixed "now" so AGE columns and generatedAt are the same in every run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RawObject } from '@kubectl-storage/test-fixtures';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const DEMO = path.join(REPO_ROOT, 'test/fixtures/demo-cluster.json');

/**
 * Ages are measured from here. Derived from the dump (its newest creationTimestamp, plus an hour) rather than
 * hard-coded, so a re-captured demo dump keeps these tests meaningful.
 */
export function demoNow(): string {
  const newest = Math.max(...demoItems().map((o) => Date.parse(o.metadata.creationTimestamp ?? '') || 0));
  return new Date(newest + 3600_000).toISOString();
}

export function demoItems(): RawObject[] {
  return (JSON.parse(fs.readFileSync(DEMO, 'utf8')) as { items: RawObject[] }).items;
}

/** Output with the checkout's absolute path replaced, so snapshots do not depend on where the repo lives. */
export const portable = (text: string): string => text.split(REPO_ROOT).join('<repo>');
