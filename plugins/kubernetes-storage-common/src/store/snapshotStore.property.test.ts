// Property of the live store over random raw objects: whatever interleaving of watch events brings it to a set of
// objects (each object's own events in causal order, objects interleaved at random, short-lived objects added and
// deleted on the way), its Snapshot is byte for byte the one SnapshotBuilder makes of that set, and so is the report.
import fc from 'fast-check';
import { analyze } from '../analysis/analyze';
import type { SnapshotSource } from '../model/snapshot';
import { ANALYSED_KINDS, kindOf, type ListedKind } from '../projection/resources';
import { buildSnapshot } from '../projection/snapshotBuilder';
import { rawObjects } from '../__fixtures__/rawObjects.arbitrary';
import { assertProperty } from '../__fixtures__/properties';
import { SnapshotStore, type WatchEventType } from './snapshotStore';

const SOURCE: SnapshotSource = { type: 'live', context: 'property' };
const WHEN = new Date('2025-06-01T12:00:00.000Z');

type Raw = { apiVersion: string; kind: string; metadata: Record<string, unknown> } & Record<string, unknown>;
interface Event {
  kind: ListedKind;
  type: WatchEventType;
  raw: Raw;
}

/** Objects of analysed kinds, one per kind/namespace/name, each with a uid of its own or none (as the API server's are unique). */
function live(raw: unknown[], uidPrefix: string, keepUidless: boolean): { kind: ListedKind; raw: Raw }[] {
  const seen = new Set<string>();
  const out: { kind: ListedKind; raw: Raw }[] = [];
  raw.forEach((o, i) => {
    const r = o as Raw | null;
    const kind = kindOf(r?.apiVersion, r?.kind);
    if (!kind || !ANALYSED_KINDS.includes(kind)) return;
    const id = `${kind}/${String(r!.metadata.namespace)}/${String(r!.metadata.name)}`;
    if (seen.has(id)) return;
    seen.add(id);
    const metadata: Record<string, unknown> = { ...r!.metadata };
    if (keepUidless && i % 3 === 0) delete metadata.uid;
    else metadata.uid = `${uidPrefix}-${i}`;
    out.push({ kind, raw: { ...r!, metadata } });
  });
  return out;
}

const older = (raw: Raw): Raw => ({ ...raw, metadata: { ...raw.metadata, labels: { older: 'yes' } } });

const scenario = fc.record({
  final: rawObjects(25),
  transient: rawObjects(8),
  // Per event a step forward on a random clock: sorting by it interleaves objects but keeps each one's order.
  steps: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 200, maxLength: 200 }),
  viaOlder: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
});

describe('SnapshotStore over random raw objects (property)', () => {
  it('any causal interleaving of watch events gives the snapshot SnapshotBuilder makes of the final objects', () => {
    assertProperty(
      fc.property(scenario, ({ final, transient, steps, viaOlder }) => {
        const finals = live(final, 'uid-final', true);
        // Short-lived objects always carry a uid (distinct from every final one): deleting one never touches another.
        const extras = live(transient, 'uid-transient', false);
        const queues: Event[][] = [
          ...finals.map(({ kind, raw }, i) => (viaOlder[i % viaOlder.length] ? [{ kind, type: 'ADDED' as const, raw: older(raw) }, { kind, type: 'MODIFIED' as const, raw }] : [{ kind, type: 'ADDED' as const, raw }])),
          ...extras.map(({ kind, raw }) => [{ kind, type: 'ADDED' as const, raw }, { kind, type: 'DELETED' as const, raw }]),
        ];
        let s = 0;
        const timed = queues.flatMap((q, qi) => {
          let t = steps[qi % steps.length] * queues.length;
          return q.map((e) => ({ e, t: (t += steps[s++ % steps.length]) }));
        });
        timed.sort((a, b) => a.t - b.t);

        const store = new SnapshotStore({ source: SOURCE, kinds: ANALYSED_KINDS });
        for (const kind of ANALYSED_KINDS) store.replace(kind, [], WHEN);
        for (const { e } of timed) store.apply(e.kind, e.type, e.raw, WHEN);

        const built = buildSnapshot(finals.map((f) => f.raw), SOURCE, { collectedAt: WHEN.toISOString(), observedKinds: ANALYSED_KINDS });
        expect(JSON.stringify(store.snapshot())).toBe(JSON.stringify(built));
        expect(JSON.stringify(analyze(store.prepared()))).toBe(JSON.stringify(analyze(built)));
      }),
      100,
    );
  });
});
