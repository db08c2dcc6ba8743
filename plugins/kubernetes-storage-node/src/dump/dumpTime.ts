// When was a dump taken? kubectl writes no timestamp, and a file's modification time changes with every copy
// or git checkout, so ages measured against it drift (a volume Released for 5 minutes at capture would read
// "Released for 3 weeks" a month later). The newest time the API server and controllers wrote into the objects
// travels with the file and is a close lower bound of the capture time: node heartbeats (every few minutes),
// managedFields write times, condition transitions, container starts and ends.

const TIME_KEYS = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'time',
  'lastHeartbeatTime',
  'lastTransitionTime',
  'lastProbeTime',
  'lastPhaseTransitionTime',
  'startedAt',
  'finishedAt',
  'startTime',
  'renewTime',
]);

// ISO-8601 as the API server writes it (RFC 3339, seconds or finer, Z or an offset).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The newest API timestamp in the raw objects, in epoch ms; undefined when there is none. */
export function newestObjectTime(raws: Iterable<unknown>): number | undefined {
  let newest = -Infinity;
  const visit = (value: unknown, depth: number): void => {
    // Timestamps sit a few levels down (status.containerStatuses[].state.terminated.finishedAt); spec trees
    // deeper than that hold none, so the walk stays cheap on 100 MB dumps.
    if (depth > 7 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') {
        if (TIME_KEYS.has(k) && RFC3339.test(v)) {
          const t = Date.parse(v);
          if (t > newest) newest = t;
        }
      } else if (k !== 'spec' || depth === 0) {
        visit(v, depth + 1);
      }
    }
  };
  for (const raw of raws) visit(raw, 0);
  return Number.isFinite(newest) ? newest : undefined;
}
