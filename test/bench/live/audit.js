// Requests per tool from the API server's audit log (Metadata level for everything, see test/cluster/pki.ts):
// remember the log's size before a run, read what was appended after it, and count the requests that are not the
// harness's own (kubelet stand-in, controller manager, API server loopback).
'use strict';
const fs = require('node:fs');

const NOT_OURS = [/^kubectl-storage-kubelet-stand-in/, /^kubectl-storage-cluster-harness/, /^kube-controller-manager/, /^kube-apiserver/];

const mark = (file) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/** The requests logged since `from` (a mark), as { verb, resource, subresource, uri, user, userAgent }. */
function since(file, from) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(size - from);
    fs.readSync(fd, buf, 0, buf.length, from);
    const out = [];
    for (const line of buf.toString('utf8').split('\n')) {
      if (!line) continue;
      let e;
      try {
        e = JSON.parse(line);
      } catch {
        continue; // a line still being written
      }
      if (e.stage !== 'ResponseComplete' && e.stage !== 'Panic') continue;
      const ua = e.userAgent ?? '';
      if (NOT_OURS.some((re) => re.test(ua)) || (e.user?.username ?? '').startsWith('system:')) continue;
      out.push({ verb: e.verb, resource: e.objectRef?.resource ?? e.requestURI.split('?')[0], subresource: e.objectRef?.subresource, uri: e.requestURI, user: e.user?.username, userAgent: ua, code: e.responseStatus?.code });
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

/** { total, byKind: { pods: 12, 'nodes/proxy': 2, ... } } */
function summarize(entries) {
  const byKind = {};
  for (const e of entries) {
    const k = `${e.resource}${e.subresource ? `/${e.subresource}` : ''}`;
    byKind[k] = (byKind[k] ?? 0) + 1;
  }
  return { total: entries.length, byKind };
}

/** Audit lines are written asynchronously (batched): wait until the log stops growing. */
async function settle(file, quietMs = 700, maxMs = 5000) {
  const end = Date.now() + maxMs;
  let last = mark(file);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = mark(file);
    if (now === last || Date.now() > end) return now;
    last = now;
  }
}

module.exports = { mark, since, summarize, settle };
