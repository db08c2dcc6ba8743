#!/usr/bin/env node
// The floor of a live report: the same GET requests `kubectl storage report` made (read from the audit log: each
// LIST's first page, then its continue tokens), with the same identity, page size and Accept header, all lists at
// once as the collector runs them, pages of one list in turn; each body read in full and discarded (only the
// continue token is taken from the start of the body, where the API server writes the list's metadata).
// Usage: node rawFloor.js CREDENTIALS_JSON REQUESTS_JSON   (REQUESTS_JSON: [{ path, accept? }])
'use strict';
const fs = require('node:fs');
const https = require('node:https');

const creds = JSON.parse(process.argv[2]);
const requests = JSON.parse(process.argv[3]);
const agent = new https.Agent({
  keepAlive: true,
  ca: fs.readFileSync(creds.caFile),
  cert: creds.certFile ? fs.readFileSync(creds.certFile) : undefined,
  key: creds.keyFile ? fs.readFileSync(creds.keyFile) : undefined,
});

function get(path, accept) {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, creds.server), { agent, headers: { Accept: accept ?? 'application/json', ...(creds.token ? { Authorization: `Bearer ${creds.token}` } : {}) } }, (res) => {
      let head = '';
      let bytes = 0;
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (head.length < 2048) head += chunk.toString('latin1', 0, Math.min(chunk.length, 2048));
      });
      res.on('end', () => resolve({ status: res.statusCode, bytes, continueToken: /"continue":"([^"]+)"/.exec(head)?.[1] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function list({ path, accept }) {
  let bytes = 0;
  let pages = 0;
  let token;
  do {
    const url = token ? `${path}${path.includes('?') ? '&' : '?'}continue=${encodeURIComponent(token)}` : path;
    const r = await get(url, accept);
    bytes += r.bytes;
    pages++;
    token = r.status === 200 ? r.continueToken : undefined;
  } while (token);
  return { bytes, pages };
}

Promise.all(requests.map(list)).then((lists) => {
  const bytes = lists.reduce((s, l) => s + l.bytes, 0);
  const pages = lists.reduce((s, l) => s + l.pages, 0);
  process.stdout.write(JSON.stringify({ bytes, pages }));
  agent.destroy();
});
