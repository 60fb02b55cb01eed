// The UI in a real headless Chromium (Debian's, through playwright-core; no browser download).
// Run by the app's BrowserIT against a running Vigil: signs in, searches, opens the dashboard and
// checks that the chart has data points, keeps a screenshot, then the alerts page (creates an
// alert when the alerts API exists). Prints one JSON line with what it saw; exits 1 on failure.
//
// Environment: VIGIL_URL, VIGIL_USER, VIGIL_PASSWORD, CHROMIUM (the binary), OUT_DIR (screenshots),
// QUERY (a word the corpus has), FROM / TO (the dashboard's period, yyyy-mm-dd).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = process.env;
const base = env.VIGIL_URL;
const out = env.OUT_DIR || 'target/browser';
mkdirSync(out, { recursive: true });
const result = {};

// A fresh profile (--user-data-dir) every run.
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'vigil-chromium-')), {
  executablePath: env.CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const fail = async (page, step, e) => {
  result.failed = step + ': ' + (e && e.message ? e.message.split('\n')[0] : e);
  if (page) await page.screenshot({ path: join(out, 'failure-' + step + '.png'), fullPage: true }).catch(() => {});
  console.log(JSON.stringify(result));
  await browser.close();
  process.exit(1);
};

const page = browser.pages()[0] || (await browser.newPage());
page.setDefaultTimeout(30000);
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));

try { // sign in through the form
  await page.goto(base + '/');
  await page.waitForURL(/\/login/);
  await page.fill('input[name=username]', env.VIGIL_USER);
  await page.fill('input[name=password]', env.VIGIL_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
  await page.waitForFunction(() => document.getElementById('me').textContent.length > 0);
  result.signedInAs = await page.textContent('#me');
} catch (e) { await fail(page, 'sign-in', e); }

try { // search: results with highlighted matches, facets
  await page.goto(base + '/#/search/q=' + encodeURIComponent(env.QUERY));
  await page.waitForSelector('main[data-page=search][data-ready=true]');
  result.searchTotal = await page.textContent('#total');
  result.hits = await page.locator('.hit').count();
  result.highlights = await page.locator('.hit em').count();
  result.facets = await page.locator('#facets a').count();
  await page.screenshot({ path: join(out, 'search.png'), fullPage: true });
} catch (e) { await fail(page, 'search', e); }

try { // the dashboard: time to a drawn chart, measured from navigation
  const hash = '#/dashboard/' + new URLSearchParams({ from: env.FROM, to: env.TO, interval: 'day', split: 'language' });
  await page.goto('about:blank'); // a full load: page, script, who am I, the trend
  const t0 = Date.now();
  await page.goto(base + '/' + hash);
  await page.waitForSelector('main[data-page=dashboard][data-ready=true]');
  result.dashboardInteractiveMs = Date.now() - t0;
  result.dashboardScriptMs = await page.evaluate(() => window.vigilDashboardMs);
  result.chartPoints = Number(await page.getAttribute('#trend-chart', 'data-points'));
  result.chartNonZero = Number(await page.getAttribute('#trend-chart', 'data-nonzero'));
  result.chartPixels = await page.evaluate(() => {
    const c = document.getElementById('trend-chart');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  result.topOutlets = await page.locator('#top-outlets tr').count();
  result.screenshot = join(out, 'dashboard.png');
  await page.screenshot({ path: result.screenshot, fullPage: true });
} catch (e) { await fail(page, 'dashboard', e); }

try { // alerts: create one when the API exists, else the page must say it is missing
  await page.goto(base + '/#/alerts');
  await page.waitForSelector('main[data-page=alerts][data-ready=true]');
  if (await page.locator('#alerts-missing').count()) {
    result.alerts = 'missing';
  } else {
    await page.fill('#new-alert input[name=name]', 'browser test');
    await page.fill('#new-alert input[name=query]', env.QUERY);
    await page.click('#new-alert button[type=submit]');
    await page.waitForSelector('#alert-list td:has-text("browser test")');
    result.alerts = 'created';
  }
  await page.screenshot({ path: join(out, 'alerts.png'), fullPage: true });
} catch (e) { await fail(page, 'alerts', e); }

result.pageErrors = consoleErrors;
console.log(JSON.stringify(result));
await browser.close();
