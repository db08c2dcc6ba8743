// The dev portal: the backend plugin's dev server on the demo dump (plugins/kubernetes-storage-backend/dev, root
// app-config.yaml plus dev/app-config.portal.yaml) and this plugin's dev app, bundled by esbuild and served on
// loopback. The app server forwards /api/* to the backend, so the browser talks to one origin and the backend
// needs no CORS setup. `npm run portal` runs it; the browser tests start it through startPortal().
const http = require('node:http');
const path = require('node:path');
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const { buildApp } = require('./build');

const root = path.resolve(__dirname, '../../..');
const backendEntry = path.join(root, 'plugins/kubernetes-storage-backend/dist-dev/dev/index.js');
const HOST = '127.0.0.1';

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>kubectl-storage dev portal</title>
    <link rel="stylesheet" href="/app.css" />
  </head>
  <body>
    <div id="root"></div>
    <!-- No auth backend here: the app signs in as the local guest, and the dev backend takes every request as a mock user. -->
    <script>
      localStorage.setItem('enableLegacyGuestToken', 'true');
      localStorage.setItem('@backstage/core:SignInPage:provider', 'guest');
    </script>
    <script src="/app.js"></script>
  </body>
</html>
`;

function startBackend({ port, log }) {
  if (!fs.existsSync(backendEntry)) {
    throw new Error(`${path.relative(root, backendEntry)} is missing: build it with npx tsc -p plugins/kubernetes-storage-backend/dev (npm run portal does)`);
  }
  const child = spawn(
    process.execPath,
    [backendEntry, '--config', 'app-config.yaml', '--config', 'plugins/kubernetes-storage/dev/app-config.portal.yaml'],
    {
      cwd: root,
      env: {
        ...process.env,
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_listen_host: HOST,
        APP_CONFIG_backend_baseUrl: `http://${HOST}:${port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Backstage logs a failed start and keeps the process alive (the root router still answers 404): fail fast.
  const watch = (d) => {
    log(`[backend] ${d}`);
    if (!child.startupError && String(d).includes('Backend startup failed')) child.startupError = String(d).split('\n')[0];
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  return child;
}

/** Polls until the backend answers its cluster list, or fails when the process exits first. */
async function waitForBackend(child, port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the backend exited with code ${exited} before answering`);
    if (child.startupError) throw new Error(`the backend failed to start: ${child.startupError.replace(/\x1b\[[0-9;]*m/g, '').trim()}`);
    const ok = await new Promise((resolve) => {
      const req = http.get({ host: HOST, port, path: '/api/kubernetes-storage/v1/clusters' }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the backend did not answer on ${HOST}:${port} within ${timeoutMs / 1000}s`);
}

function proxy(req, res, backendPort) {
  const upstream = http.request(
    { host: HOST, port: backendPort, path: req.url, method: req.method, headers: { ...req.headers, host: `${HOST}:${backendPort}` } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`backend unreachable: ${e.message}`);
  });
  req.pipe(upstream);
}

/**
 * Starts the backend and the app server; resolves when both answer.
 * @param {{ appPort?: number, backendPort?: number, log?: (line: string) => void, backendTimeoutMs?: number }} options
 */
async function startPortal(options = {}) {
  const appPort = options.appPort ?? 3000;
  const backendPort = options.backendPort ?? 7007;
  const log = options.log ?? ((line) => process.stdout.write(line));
  const appBaseUrl = `http://${HOST}:${appPort}`;

  const backend = startBackend({ port: backendPort, log });
  const stopBackend = () => {
    if (backend.exitCode === null && backend.signalCode === null) backend.kill('SIGTERM');
  };
  try {
    const [bundle] = await Promise.all([buildApp({ appBaseUrl }), waitForBackend(backend, backendPort, options.backendTimeoutMs ?? 90_000)]);
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', appBaseUrl);
      if (url.pathname.startsWith('/api/')) return proxy(req, res, backendPort);
      if (url.pathname === '/app.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(bundle.js);
      }
      if (url.pathname === '/app.css') {
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
        return res.end(bundle.css);
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(INDEX_HTML);
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(appPort, HOST, resolve);
    });
    return {
      url: appBaseUrl,
      buildMs: bundle.ms,
      backendPid: backend.pid,
      async stop() {
        stopBackend();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      },
    };
  } catch (error) {
    stopBackend();
    throw error;
  }
}

module.exports = { startPortal };

if (require.main === module) {
  const started = Date.now();
  startPortal().then(
    (portal) => {
      const pages = ['web', 'ledger', 'checkout', 'shop-platform'].map((n) => `  ${portal.url}/entity/${n}`).join('\n');
      process.stdout.write(`\ndev portal ready in ${((Date.now() - started) / 1000).toFixed(1)}s (app bundle ${portal.buildMs} ms):\n${pages}\n`);
      const stop = () => portal.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    },
  );
}
