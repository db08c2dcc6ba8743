// The newest time the API server and controllers wrote into a dump's objects: node heartbeats (every few minutes),
// managedFields write times, condition transitions, container starts and ends, deletion times. kubectl writes no
// capture time, so this is a lower bound of when the dump was taken; loadDump takes the later of it and the input
// files' modification times (see there).

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

/**
 * What the API server writes (metav1.Time: RFC 3339 in UTC, whole seconds): among such strings the lexically
 * greatest is the newest, so only that one needs Date.parse. A 50k-object dump holds a few hundred thousand times.
 */
const CANONICAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function newestOf(raws: Iterable<unknown>, everyParsed: boolean): number {
  let newest = -Infinity;
  let canonical = '';
  const consider = (v: unknown): void => {
    if (typeof v !== 'string') return;
    if (!everyParsed && CANONICAL_TIME.test(v)) {
      if (v > canonical) canonical = v;
      return;
    }
    const t = Date.parse(v);
    if (t > newest) newest = t;
  };
  for (const raw of raws) timesOf(raw, consider);
  if (canonical === '') return newest;
  const t = Date.parse(canonical);
  return Number.isNaN(t) ? NaN : Math.max(t, newest);
}

/** The newest API timestamp in the raw objects, in epoch ms; undefined when there is none. */
export function newestObjectTime(raws: unknown[]): number | undefined {
  let newest = newestOf(raws, false);
  // The greatest canonical-looking string was no date (month 13...): parse every one, as for any other shape.
  if (Number.isNaN(newest)) newest = newestOf(raws, true);
  return Number.isFinite(newest) ? newest : undefined;
}
