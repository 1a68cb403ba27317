// End-to-end: the shopper-facing states of the checkout and the return page (busy, failures
// after the token, language switch, phones), with screenshots of each at 390 px in ja and th
// (screenshots/, git-ignored: look at them). Assertions are on what the shopper sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSandbox, launch, openCheckout, field, typeCard, pay, finalStatus, screenshot, statusText, catalogText, cspViolations,
} from './lib.mjs';

let sandbox;
let browser;
before(async () => {
  sandbox = await startSandbox();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  sandbox?.stop();
});

const PHONE = { width: 390, height: 844 };

test('a slow vault shows "Processing…" on Pay, never an incomplete form', async () => {
  const page = await openCheckout(browser, sandbox.url);
  await typeCard(page, '4242424242424242');
  await sandbox.api('POST', '/__sandbox/faults', { path: '/tokens', fault: 'timeout', delayMs: 2000, times: 1 });
  try {
    await pay(page);
    const payButton = page.locator('#pay[aria-busy="true"]');
    await payButton.waitFor({ timeout: 1500 });
    assert.match(await payButton.textContent(), new RegExp(catalogText('processing', 'en').replace('…', '')));
    assert.equal(await page.locator('.omise-card-form').getAttribute('aria-busy'), 'true');
    assert.equal(await page.locator('#pay').isDisabled(), false, 'busy, not disabled: it stays in the Tab order');
    await screenshot(page, 'busy-en');
    assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
  } finally {
    await sandbox.api('DELETE', '/__sandbox/faults');
  }
  await page.context().close();
});

test('the order call fails (502) after the token: the card is kept and the shopper is told, then pays', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th', viewport: PHONE });
  await typeCard(page, '5555555555554444');
  await sandbox.api('POST', '/__sandbox/faults', { path: '/demo/orders', method: 'POST', fault: '502', times: 1 });
  await pay(page);
  const error = page.locator('.omise-form-error');
  await error.filter({ hasText: /\S/ }).waitFor();
  assert.equal((await error.textContent()).trim(), catalogText('order_failed', 'th'));
  assert.equal(await field(page, 'number').inputValue(), '5555 5555 5555 4444', 'nothing to retype');
  assert.equal(await field(page, 'security-code').inputValue(), '123');
  await screenshot(page, 'order-failed-th-390');
  await pay(page);
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'th'));
  await page.context().close();
});

test('switching the language keeps what was typed', async () => {
  const page = await openCheckout(browser, sandbox.url);
  await typeCard(page, '378282246310005', { name: 'HANAKO SATO' });
  await page.locator('[data-lang="ja"]').click();
  await page.locator('.omise-field--number label').filter({ hasText: catalogText('label_number', 'ja') }).waitFor();
  assert.equal(await field(page, 'number').inputValue(), '3782 822463 10005');
  assert.equal(await field(page, 'name').inputValue(), 'HANAKO SATO');
  assert.equal(await page.locator('#pay').textContent(), '฿1,000.00 を支払う');
  assert.equal(await page.title(), 'ご購入手続き · Sandbox Supply Co.');
  await pay(page);
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'ja'));
  await page.context().close();
});

test('on a phone, tapping a test card brings the form back into view and says what was filled', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'ja', viewport: PHONE });
  const card = page.locator('.test-card[data-number="3530111333300000"]');
  await card.scrollIntoViewIfNeeded();
  await card.click();
  await page.waitForFunction(() => {
    const r = document.querySelector('#card-form').getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  });
  assert.match(await page.locator('#filled').textContent(), /JCB •••• 0000/);
  assert.equal(await field(page, 'number').inputValue(), '3530 1113 3330 0000');
  // Touch targets: test cards and language buttons are at least 44 px tall.
  for (const sel of ['.test-card', '[data-lang="th"]', '#pay']) {
    const box = await page.locator(sel).first().boundingBox();
    assert.ok(box.height >= 44, `${sel}: ${box.height}px`);
  }
  await screenshot(page, 'test-card-filled-ja-390');
  await page.context().close();
});

test('320 px: a 19-digit number and an Amex stay fully visible', async () => {
  const page = await openCheckout(browser, sandbox.url, { viewport: { width: 320, height: 640 } });
  for (const number of ['6447032400000000001', '378282246310005']) {
    await field(page, 'number').fill('');
    await field(page, 'number').pressSequentially(number);
    const fits = await field(page, 'number').evaluate((el) => el.scrollWidth <= el.clientWidth);
    assert.ok(fits, `${number} is clipped at 320 px`);
  }
  await screenshot(page, 'narrow-320');
  await page.context().close();
});

// Every state at 390 px, in Japanese and Thai.
for (const lang of ['ja', 'th']) {
  test(`screenshots of every state at 390 px (${lang})`, async () => {
    const page = await openCheckout(browser, sandbox.url, { lang, viewport: PHONE });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the checkout fits 390 px');
    await screenshot(page, `state-checkout-${lang}`);
    await pay(page); // empty form: every field explained
    await screenshot(page, `state-errors-${lang}`);
    await typeCard(page, '4111111111140011'); // insufficient funds
    await pay(page);
    await page.locator('.omise-form-error').filter({ hasText: /\S/ }).waitFor();
    await screenshot(page, `state-declined-${lang}`);
    await field(page, 'number').fill('');
    await field(page, 'number').pressSequentially('5454545454545454'); // 3-D Secure, then declined
    await pay(page);
    await page.waitForURL(/\/authorize\//);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the 3-D Secure page fits 390 px');
    assert.doesNotMatch(await page.locator('dl').textContent(), /MasterCard/, 'Mastercard as the brand spells it');
    await screenshot(page, `state-3ds-${lang}`);
    await page.locator('button[value="decline"]').click();
    assert.equal(await finalStatus(page), statusText('failed', 'payment_rejected', lang));
    const actions = page.locator('.omise-status-actions a');
    assert.equal(await actions.count(), 2, 'Try again and Use another payment method');
    assert.equal((await actions.first().textContent()).trim(), catalogText('action_try_again', lang));
    await screenshot(page, `state-failed-${lang}`);
    // "Try again" goes back to the checkout, in the same language.
    await actions.first().click();
    await page.waitForSelector('body[data-ready="true"] .omise-card-form');
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await page.context().close();
  });
}

test('still confirming after the wait: reassurance, Check again, then the outcome', { timeout: 120_000 }, async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th', viewport: PHONE });
  await typeCard(page, '4111111111111111'); // 3-D Secure
  await pay(page);
  await page.waitForURL(/\/authorize\//);
  // The shopper comes back without answering the bank: the charge stays pending.
  const authorizePage = page.url();
  const chargeId = new URL(authorizePage).pathname.split('/').pop();
  const charge = await sandbox.api('GET', `/__sandbox/charges/${chargeId}`);
  const orderId = charge.metadata.order_id;
  await page.goto(`${sandbox.url}/complete.html?order=${encodeURIComponent(orderId)}&lang=th&maxWait=2000`);
  await page.waitForSelector('body[data-outcome="pending"]');
  assert.equal((await page.locator('.omise-status').textContent()).trim(), catalogText('status_still_confirming', 'th'));
  const again = page.locator('.omise-status-actions button');
  assert.equal((await again.textContent()).trim(), catalogText('action_check_again', 'th'));
  await screenshot(page, 'state-still-confirming-th');
  // The shopper answers the bank elsewhere (the bank page's form, posted as it would be), then
  // checks again.
  const answered = await fetch(authorizePage, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'decision=authorize',
    redirect: 'manual',
  });
  assert.equal(answered.status, 303);
  await again.click();
  await page.waitForSelector('body[data-outcome="succeeded"]');
  assert.equal((await page.locator('.omise-status').textContent()).trim(), statusText('successful', undefined, 'th'));
  await page.context().close();
});

test('no Content-Security-Policy violation in any of these journeys', () => {
  assert.deepEqual(cspViolations, []);
});
