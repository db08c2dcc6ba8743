// Tier 4: the Backstage Storage page in a real browser. Starts the dev portal (backend on the demo dump plus a
// cluster that cannot be reached, and the dev app), drives Debian's chromium through playwright-core and checks
// what a user sees and can reach by keyboard. Screenshots go to test/browser/artifacts/ (gitignored).
// Run: node --test test/browser/entityPage.test.js   (needs `npm run build`, the backend's dev build and /usr/bin/chromium)
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startPortal } = require('../../plugins/kubernetes-storage/dev/portal');

const ARTIFACTS = path.join(__dirname, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A port the OS just handed out, so parallel runs and a developer's own portal do not collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let portal;
let browser;
let page;
const backendLog = [];
const pageErrors = [];

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  portal = await startPortal({ appPort: await freePort(), backendPort: await freePort(), log: (l) => backendLog.push(String(l)) });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${portal.url}/entity/shop-platform`);
  await page.getByTestId('cluster-demo').waitFor({ timeout: 60_000 });
  await page.getByTestId('cluster-staging').waitFor({ timeout: 60_000 });
});

after(async () => {
  if (browser) await browser.close();
  if (portal) await portal.stop();
  if (pageErrors.length) fs.writeFileSync(path.join(ARTIFACTS, 'page-errors.txt'), pageErrors.join('\n'));
  fs.writeFileSync(path.join(ARTIFACTS, 'backend.log'), backendLog.join(''));
});

test('the page renders without uncaught errors and a full-page screenshot is kept', async () => {
  // Backstage scrolls inside its layout, not the document: grow the viewport to the content for one full shot.
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('main, main *')].map((e) => e.scrollHeight)));
  await page.setViewportSize({ width: 1400, height: Math.min(Math.max(height, 1000), 12000) });
  await page.screenshot({ path: path.join(ARTIFACTS, 'shop-platform.png') });
  await page.setViewportSize({ width: 1400, height: 1000 });
  assert.deepEqual(pageErrors, []);
});

test('the blocked StatefulSet ordinal is shown: web-1 blocking, web-2 blocked behind it', async () => {
  const demo = page.getByTestId('cluster-demo');
  const blocking = demo.getByTestId('ordinal-web-1');
  assert.equal(await blocking.getAttribute('aria-label'), 'Ordinal 1, web-1: Not ready, blocking');
  assert.match(await blocking.innerText(), /Not ready, blocking/);
  const blocked = demo.getByTestId('ordinal-web-2');
  assert.equal(await blocked.getAttribute('data-state'), 'Blocked');
  assert.match(await blocked.innerText(), /Blocked/);
  await blocked.screenshot({ path: path.join(ARTIFACTS, 'ordinal-web-2-blocked.png') });
});

test('the orphaned Released volume is highlighted with its size and age', async () => {
  const orphans = page.getByTestId('cluster-demo').getByRole('region', { name: 'Orphaned volumes' });
  const text = await orphans.innerText();
  assert.match(text, /1 orphaned volume \(1Gi\)/);
  assert.match(text, /PV pv-data-ledger-2, 1Gi, class standard, Released for \d+d\d*h?; it belonged to claim data\/data-ledger-2 \(ordinal 2 of StatefulSet ledger\)/);
  await orphans.screenshot({ path: path.join(ARTIFACTS, 'orphaned-volume.png') });
});

test('orphans are priced at the demo prices (root app-config.yaml: standard 0.10 USD per GiB-month)', async () => {
  const demo = page.getByTestId('cluster-demo');
  const volume = await demo.getByTestId('orphan-pv-data-ledger-2').innerText();
  assert.match(volume, /, 0\.10 USD per month$/);
  const total = demo.getByRole('note', { name: 'Orphan cost' });
  assert.match(await total.innerText(), /\d+\.\d\d USD per month for \d+ orphaned objects?/);
  await total.screenshot({ path: path.join(ARTIFACTS, 'orphan-cost.png') });
});

test('the failing ingress path shows service:port, 0/2 ready endpoints and why', async () => {
  const status = page.getByTestId('ingress-status-checkout-checkout.example.test/');
  assert.match(await status.innerText(), /No ready endpoints \(503\)/);
  const row = page.locator('tr', { has: status });
  const text = await row.innerText();
  assert.match(text, /http:\/\/checkout\.example\.test\//);
  assert.match(text, /→ checkout:80/);
  assert.match(text, /0\/2/);
  await row.screenshot({ path: path.join(ARTIFACTS, 'ingress-path-failing.png') });
});

test("one cluster's error is shown beside the other cluster's data", async () => {
  const staging = page.getByTestId('cluster-staging');
  const stagingText = await staging.innerText();
  assert.match(stagingText, /Failing/);
  assert.match(stagingText, /Cluster staging cannot be read/);
  assert.match(stagingText, /127\.0\.0\.1:9/);
  assert.equal(await staging.getByTestId('storage-section').count(), 0);
  assert.equal(await page.getByTestId('cluster-demo').getByTestId('storage-section').count(), 4);
  await staging.screenshot({ path: path.join(ARTIFACTS, 'cluster-staging-failing.png') });
});

test('keyboard navigation reaches every section and every ordinal cell; focus shows the pod facts', async () => {
  const demo = page.getByTestId('cluster-demo');
  const sections = await demo.getByTestId('storage-section').evaluateAll((els) => els.map((e) => e.id));
  const cells = await demo.locator('[data-testid^="ordinal-"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  const wanted = new Set([...sections, ...cells]);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  let tooltipOnBlockingCell = '';
  for (let i = 0; i < 400 && wanted.size > 0; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? { id: el.id, testid: el.dataset ? el.dataset.testid : undefined } : {};
    });
    wanted.delete(focused.id);
    wanted.delete(focused.testid);
    if (focused.testid === 'ordinal-web-1') {
      tooltipOnBlockingCell = await page.getByRole('tooltip', { includeHidden: true }).innerText();
      await page.screenshot({ path: path.join(ARTIFACTS, 'keyboard-focus-web-1.png') });
    }
  }
  assert.deepEqual([...wanted], [], 'not reached by Tab');
  assert.ok(sections.length === 4 && cells.length >= 5, `found ${sections.length} sections, ${cells.length} cells`);
  assert.match(tooltipOnBlockingCell, /Restarts: 7/);
  assert.match(tooltipOnBlockingCell, /Waiting: CrashLoopBackOff/);
});

test('statuses are words, not colours only: every status icon has text beside it', async () => {
  const bare = await page.getByTestId('cluster-demo').locator('[data-testid^="ordinal-"]').evaluateAll((els) =>
    els.filter((e) => !/Ready|Not ready|Blocked|Missing|Pending|Terminating|Leftover|Not read/.test(e.textContent || '')).length,
  );
  assert.equal(bare, 0);
});
