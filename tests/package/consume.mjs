// Drives the bundled scratch app in Chromium: the installed package must load its wasm and CSS
// through the bundler and tokenize a test card against the sandbox.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(process.env.APP_URL);
  await page.waitForSelector('body[data-ready="true"] .omise-card-form', { timeout: 15_000 });
  const input = (f) => page.locator(`.omise-field--${f} input`);
  await input('number').pressSequentially('4242424242424242');
  await input('expiry').pressSequentially('1230');
  await input('security-code').pressSequentially('123');
  await input('name').pressSequentially('JANE DOE');
  await page.click('#pay');
  await page.locator('#result').filter({ hasText: /\S/ }).waitFor();
  const result = await page.locator('#result').textContent();
  assert.match(result, /^tokn_test_[0-9a-z]+$/, result);
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.omise-card-form')).display);
  assert.equal(styled, 'grid', 'the package stylesheet was bundled and applied');
  // The after-the-charge module, loaded on demand through the bundle, says what happened.
  await page.click('#charge');
  await page.locator('#status[data-state]').waitFor();
  assert.equal(await page.locator('#status').getAttribute('data-state'), 'status:succeeded');
  const status = await page.locator('#status .omise-status').textContent();
  assert.equal(status, 'Your payment is confirmed and your order is complete.');
  assert.equal(await page.locator('#validators').textContent(), 'valid', 'the validators entry loaded');
  // The return page's module (omise-checkout/status) answers in Japanese, its texts bundled.
  assert.match(await page.locator('#refund').textContent(), /[\u3040-\u30ff\u4e00-\u9fff]/, 'the status entry loaded with its Japanese texts');
  assert.deepEqual(errors, []);
  console.log(`package consumer: tokenized ${result} from the bundled, installed package`);
} finally {
  await browser.close();
}
