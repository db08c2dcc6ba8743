// When was a dump taken? kubectl writes no timestamp, and a file's modification time changes with every copy
// or git checkout, so ages measured against it drift (a volume Released for 5 minutes at capture would read
// "Released for 3 weeks" a month later). The newest time the API server and controllers wrote into the objects
// travels with the file and is a close lower bound of the capture time: node heartbeats (every few minutes),
// managedFields write times, condition transitions, container starts and ends.

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

// Only the places where the API server and controllers write times, so a 100 MB dump is not walked twice in full.
function timesOf(raw: unknown, out: (v: unknown) => void): void {
  const o = obj(raw);
  if (!o) return;
  const meta = obj(o.metadata);
  if (meta) {
    out(meta.creationTimestamp);
    out(meta.deletionTimestamp);
    for (const mf of arr(meta.managedFields)) out(obj(mf)?.time);
  }
  const status = obj(o.status);
  if (!status) return;
  out(status.lastPhaseTransitionTime);
  out(status.startTime);
  for (const c of arr(status.conditions)) {
    const cond = obj(c);
    out(cond?.lastHeartbeatTime);
    out(cond?.lastTransitionTime);
    out(cond?.lastProbeTime);
  }
  for (const list of [status.containerStatuses, status.initContainerStatuses]) {
    for (const c of arr(list)) {
      const cs = obj(c);
      for (const state of [obj(cs?.state), obj(cs?.lastState)]) {
        if (!state) continue;
        out(obj(state.running)?.startedAt);
        out(obj(state.terminated)?.startedAt);
        out(obj(state.terminated)?.finishedAt);
      }
    }
  }
}

/** The newest API timestamp in the raw objects, in epoch ms; undefined when there is none. */
export function newestObjectTime(raws: Iterable<unknown>): number | undefined {
  let newest = -Infinity;
  const consider = (v: unknown): void => {
    if (typeof v !== 'string') return;
    const t = Date.parse(v);
    if (t > newest) newest = t;
  };
  for (const raw of raws) timesOf(raw, consider);
  return Number.isFinite(newest) ? newest : undefined;
}
