// Drives the emostream dashboard in headless Chromium and checks what a supervisor sees.
// Usage: node dashboard.mjs <dashboard url> <screenshot path> [callId] [utterance count]
// Exits 0 when every check passes, 1 otherwise (the reason on stderr).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, screenshot, callId, utteranceCount = '1'] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node dashboard.mjs <dashboard url> <screenshot path> [callId] [utterance count]');
  process.exit(2);
}
const TIMEOUT = 60_000;
const profile = mkdtempSync(join(tmpdir(), 'emostream-e2e-'));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

let browser;
let page;
try {
  // a persistent context is how playwright takes a fresh --user-data-dir (the profile folder)
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  await page.waitForSelector('[data-testid="connection-status"][data-state="live"]', { timeout: TIMEOUT });
  const card = callId ? page.locator(`[data-testid="call-card"][data-call-id="${callId}"]`)
    : page.locator('[data-testid="call-card"]').first();
  await card.waitFor({ timeout: TIMEOUT });
  const expected = Number(utteranceCount);
  await page.waitForFunction(([id, n]) => {
    const c = id ? document.querySelector(`[data-testid="call-card"][data-call-id="${id}"]`)
      : document.querySelector('[data-testid="call-card"]');
    return c && c.querySelectorAll('[data-testid="utterance"]').length >= n;
  }, [callId, expected], { timeout: TIMEOUT });

  if (callId) check((await card.locator('[data-testid="call-id"]').textContent()) === callId, 'the card shows another call id');
  const labels = await card.locator('[data-testid="utterance-label"]').allTextContents();
  check(labels.length >= expected, `expected ${expected} utterances, saw ${labels.length}`);
  check(labels.every((l) => ['neutral', 'happy', 'angry', 'sad'].includes(l)), `unexpected labels ${labels}`);
  for (const role of ['AGENT', 'CUSTOMER']) {
    const latest = (await card.locator(`[data-testid="latest-label-${role}"]`).textContent()).trim();
    check(['neutral', 'happy', 'angry', 'sad'].includes(latest), `latest ${role} label is "${latest}"`);
    check(await card.locator(`[data-testid="valence-line-${role}"]`).count() === 1, `no valence line for ${role}`);
    // the chip's direction must follow from the two numbers it shows, never contradict them
    const trend = card.locator(`[data-testid="trend-${role}"]`);
    const trendText = (await trend.count()) === 1 ? (await trend.textContent()).trim() : '';
    const mean = /mean (-?[0-9.]+)/.exec(trendText);
    if (mean) {
      const valence = Number(/valence (-?[0-9.]+)/.exec(await card.locator(`[data-testid="latest-valence-${role}"]`).textContent())[1]);
      const delta = valence - Number(mean[1]);
      const arrow = trendText[0];
      check(delta > 0.06 ? arrow === '▲' : delta < -0.06 ? arrow === '▼' : true,
        `${role} chip contradicts itself: valence ${valence}, "${trendText}"`);
    }
  }
  check(Number(await page.locator('[data-testid="active-call-count"]').textContent()) >= 1, 'active call count is 0');

  // alerts: whatever the API says is open must be shown, highlighted on the call
  const headers = {};
  const token = new URL(url).searchParams.get('token');
  if (token) headers.Authorization = `Bearer ${token}`;
  const open = (await (await fetch(new URL('api/alerts/open', url), { headers })).json()).items;
  if (open.length > 0) {
    await page.waitForSelector('[data-testid="alert-row"]', { timeout: TIMEOUT });
    const shown = await page.locator('[data-testid="alert-call"]').allTextContents();
    check(open.every((a) => shown.some((s) => s.includes(a.callId))), `alerts shown ${shown} miss some of ${open.map((a) => a.callId)}`);
    if (callId && open.some((a) => a.callId === callId)) {
      await card.locator('[data-testid="call-alert-flag"]').waitFor({ timeout: TIMEOUT });
    }
  }
  // the agent table fills from the agent windows
  await page.waitForSelector('[data-testid="agent-row"]', { timeout: TIMEOUT });
  check(errors.length === 0, `page errors: ${errors.join('; ')}`);

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`dashboard OK: ${labels.length} utterances, ${open.length} open alert(s); screenshot ${screenshot}`);
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
} catch (e) {
  console.error(`dashboard check failed: ${e.message}`);
  if (page) await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
  if (browser) await browser.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
