// Shared by the end-to-end tests: a fresh sandbox process serving www/ and dist/, Debian's
// Chromium through playwright-core, the package's own catalog (to know the expected texts),
// and screenshots under screenshots/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import * as omise from '../../dist/omise_checkout.js';
import en from '../../dist/omise_checkout_texts_en.js';
import ja from '../../dist/omise_checkout_texts_ja.js';
import th from '../../dist/omise_checkout_texts_th.js';
import { startSandbox as startSandboxProcess } from '../sandbox-process.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
omise.initSync({ module: readFileSync(`${ROOT}dist/omise_checkout_bg.wasm`), texts: { en, ja, th } });

/** The customer-facing text the widget shows for a status and failure code. */
export const statusText = (status, code, locale) => omise.statusMessage(status, code, locale).text;
/** A catalog text by its key (`processing`, `order_failed`, `label_number`, …). */
export const catalogText = (key, locale) => omise.message(key, locale);

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** A fresh sandbox on a free port serving www/ and dist/ (`extra`: more flags). */
export const startSandbox = (extra = [], env = {}) => startSandboxProcess({ extra, env });

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function screenshot(page, name) {
  mkdirSync(`${ROOT}screenshots`, { recursive: true });
  await page.screenshot({ path: `${ROOT}screenshots/${name}.png`, fullPage: true });
}

/**
 * Every Content-Security-Policy violation seen in any page or frame of any journey (the demo,
 * the vault's provider iframe, the authorization pages); the suite's last test asserts none.
 */
export const cspViolations = [];
const CSP_MARK = 'omise-e2e securitypolicyviolation';

/** Reports CSP violations of every frame of `context` to `cspViolations`. */
export async function watchCsp(context) {
  await context.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`${mark} ${e.violatedDirective} ${e.blockedURI} at ${location.origin}${location.pathname}`);
    });
  }, CSP_MARK);
  context.on('console', (m) => { if (m.text().startsWith(CSP_MARK)) cspViolations.push(m.text()); });
}

/** An iPhone as Playwright emulates one: a 390 px touch screen with Safari's user agent. */
export const IPHONE = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
};

/** Opens the demo checkout in `lang` and waits for the form. `query`: more URL parameters
 * (`currency=jpy`, `qrSeconds=3`); `device`: more context options (e.g. `IPHONE`). */
export async function openCheckout(browser, base, { lang = 'en', viewport = { width: 1200, height: 900 }, query = '', device = {} } = {}) {
  const context = await browser.newContext({ viewport, locale: lang, ...device });
  await watchCsp(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${base}/?lang=${lang}${query ? `&${query}` : ''}`);
  await page.waitForSelector('body[data-ready="true"] .omise-card-form');
  page.problems = problems;
  return page;
}

export const field = (page, name) => page.locator(`#card-form .omise-field--${name} input`);

/** Types a card as a customer does, key by key. */
export async function typeCard(page, number, { expiry = '1230', code, name = 'SOMCHAI JAIDEE' } = {}) {
  await field(page, 'number').pressSequentially(number);
  await field(page, 'expiry').pressSequentially(expiry);
  await field(page, 'security-code').pressSequentially(code ?? (/^3[47]/.test(number) ? '1234' : '123'));
  await field(page, 'name').pressSequentially(name);
}

/** Pays and waits for the page that follows: the status page or an error on the checkout. */
export async function pay(page) {
  await page.locator('#pay').click();
}

export async function finalStatus(page) {
  await page.waitForURL(/complete\.html/, { timeout: 30_000 });
  await page.waitForSelector('body[data-outcome]', { timeout: 60_000 });
  return (await page.locator('.omise-status').textContent()).trim();
}
