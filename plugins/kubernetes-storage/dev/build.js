// Bundles the dev portal's app with esbuild (offline, about a second warm): dev/index.tsx plus the example
// entities and the frontend half of the config, which Backstage apps read from process.env.APP_CONFIG.
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');
const yaml = require('js-yaml');

const root = path.resolve(__dirname, '../../..');

/** Only what a browser may see: never the backend's secrets (cluster tokens, database). */
function frontendConfig(appBaseUrl) {
  return [{ context: 'dev-portal', data: { app: { baseUrl: appBaseUrl, title: 'kubectl-storage dev portal' }, backend: { baseUrl: appBaseUrl } } }];
}

/** @returns {Promise<{ js: string, css: string, ms: number }>} */
async function buildApp({ appBaseUrl }) {
  const started = Date.now();
  const entities = yaml.loadAll(fs.readFileSync(path.join(__dirname, 'catalog-info.yaml'), 'utf8'));
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'index.tsx')],
    bundle: true,
    write: false,
    outdir: path.join(__dirname, '.build'),
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    // A few packages read process.env.SOMETHING besides the defines below; browsers have no process.
    banner: { js: 'var process = globalThis.process || { env: {} };' },
    absWorkingDir: root,
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    define: {
      'process.env.NODE_ENV': '"development"',
      'process.env.APP_CONFIG': JSON.stringify(frontendConfig(appBaseUrl)),
      __EXAMPLE_ENTITIES__: JSON.stringify(entities),
      global: 'globalThis',
    },
  });
  const out = (ext) => result.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('\n');
  return { js: out('.js'), css: out('.css'), ms: Date.now() - started };
}

module.exports = { buildApp };
