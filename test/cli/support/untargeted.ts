// Hints aim their kubectl commands at what was read: `--context prod --kubeconfig /tmp/...` for a live read,
// `--context '<context-of-the-dump>'` for a dump. Tests comparing a live run with a dump of the same objects take
// those flags out first; the targeting itself has its own tests (live.test.ts, the core's orphans.test.ts).
const TARGET = /(\bkubectl (?:storage )?)--context (?:'[^']*'|\S+)(?: --kubeconfig \S+)? /g;

export function untargeted<T>(doc: T): T {
  return JSON.parse(JSON.stringify(doc), (key, value) => (key === 'hint' && typeof value === 'string' ? value.replace(TARGET, '$1') : value)) as T;
}
