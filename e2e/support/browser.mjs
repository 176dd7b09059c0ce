// Debian's Chromium driven by playwright-core, and the wrapper every journey runs in.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';

import { artifactsDir } from './server.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a check waits for the page to get there. */
export const PATIENCE_MS = 10_000;

/**
 * Launches a headless Chromium. Playwright gives it a fresh temporary user-data directory,
 * and every journey gets its own incognito-like context on top.
 */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * Declares journeys on one app and browser: each runs as a `node:test` test in a fresh
 * context (no cookies, no storage) on `baseUrl`, fails if the app throws an uncaught error,
 * and leaves a screenshot in e2e/artifacts/<test name>.png when it fails.
 *
 *   const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));
 *   journey('a user logs in', async (page) => { ... });
 */
export function journeys(where) {
  return (name, steps) => test(name, (t) => runJourney(where(), t.name, steps));
}

async function runJourney({ browser, baseUrl }, name, steps) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'es-MX' });
  context.setDefaultTimeout(PATIENCE_MS);
  const page = await context.newPage();
  // A panic in the app surfaces as an uncaught error; no journey may cause one.
  const crashes = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  try {
    await steps(page, context);
    assert.deepEqual(crashes, [], 'the app threw uncaught errors');
  } catch (error) {
    await screenshot(page, name);
    throw error;
  } finally {
    await context.close();
  }
}

async function screenshot(page, testName) {
  mkdirSync(artifactsDir, { recursive: true });
  const file = `${testName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}.png`;
  try {
    await page.screenshot({ path: join(artifactsDir, file), fullPage: true });
  } catch {
    // The page may be gone already; the assertion says what went wrong.
  }
}

/** Waits until the page's path (and query) satisfies `expected` (a string or a RegExp). */
export async function expectPath(page, expected) {
  const matches = (url) => {
    const here = url.pathname + url.search;
    return typeof expected === 'string' ? here === expected : expected.test(here);
  };
  try {
    await page.waitForURL(matches, { timeout: PATIENCE_MS });
  } catch {
    const url = new URL(page.url());
    assert.fail(`expected to be at ${expected}, but the page is at ${url.pathname}${url.search}`);
  }
}

/** Waits until the element's trimmed text equals `expected` (a string or a RegExp). */
export async function expectText(locator, expected) {
  const deadline = Date.now() + PATIENCE_MS;
  let actual;
  while (Date.now() < deadline) {
    actual = await locator.textContent({ timeout: PATIENCE_MS }).catch(() => undefined);
    actual = actual?.trim();
    const ok = typeof expected === 'string' ? actual === expected : expected.test(actual ?? '');
    if (ok) return;
    await new Promise((wake) => setTimeout(wake, 50));
  }
  assert.fail(`expected text ${expected}, got ${JSON.stringify(actual)}`);
}

/** Waits until the element is shown. */
export async function expectVisible(locator) {
  await locator.waitFor({ state: 'visible', timeout: PATIENCE_MS });
}
