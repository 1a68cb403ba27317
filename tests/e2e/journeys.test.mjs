// End-to-end journeys of the seeds: a member whose renewals fail (seed 000: retries, then the
// schedule is suspended) updates the card and is charged once; refunds from the shop admin
// shown on the customer's order page (seed 004: pending, then back in 5–10 business days, or
// failed); the ¥100 authorization at token time (seed 001) in the sandbox's
// --token-authorization mode. Assertions are on what the customer reads (the package's
// catalog and the demo's own texts) and on the objects at the sandbox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as omise from '../../dist/omise_checkout.js';
import { TEXT } from '../../www/demo-i18n.js';
import {
  startSandbox, launch, openCheckout, field, typeCard, pay, finalStatus, screenshot, statusText, catalogText, cspViolations,
  watchCsp,
} from './lib.mjs';

const SECRET = `Basic ${Buffer.from('skey_test_sandbox0000000000:').toString('base64')}`;
const PHONE = { width: 390, height: 844 };

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

/** The API with the secret key, as the merchant would read it. */
async function secret(path) {
  const r = await fetch(sandbox.url + path, { headers: { Authorization: SECRET } });
  assert.equal(r.status, 200, path);
  return r.json();
}

async function openPage(path, lang, viewport = PHONE) {
  const context = await browser.newContext({ viewport, locale: lang });
  await watchCsp(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${sandbox.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]');
  page.problems = problems;
  return page;
}

/** Types a card into the form under `root` (`#card-form`, `#update-card-form`). */
async function typeInto(page, root, number) {
  const f = (name) => page.locator(`${root} .omise-field--${name} input`);
  await f('number').pressSequentially(number);
  await f('expiry').pressSequentially('1230');
  await f('security-code').pressSequentially('123');
  await f('name').pressSequentially('HANAKO YAMADA');
}

// The pages format money with Intl (en-US): Chromium writes baht as "THB 1.00" or "฿1.00"
// depending on its ICU data; the expectations use "฿".
const baht = (s) => s.replace(/THB\s?/g, '฿');
const text = async (page, selector) => baht((await page.locator(selector).textContent()).trim());

test('membership: renewal fails, retries, suspended → card updated → missed amount charged once (ja)', async () => {
  const ja = TEXT.ja;
  const page = await openPage('/membership.html', 'ja');
  assert.equal(await page.title(), ja.title_membership);
  await typeInto(page, '#card-form', '4111111111140011'); // insufficient funds at every attempt
  await page.locator('#subscribe').click();
  await page.waitForSelector('#member:not([hidden])');
  assert.equal(await text(page, '#member-status'), ja.status_active, 'retries are still to come');
  assert.equal(await text(page, '#member-notice'), ja.last_payment_failed);

  // A month later: both retries failed too, the schedule is suspended.
  await page.locator('#advance-month').click();
  await page.waitForSelector('body[data-member-status="suspended"]');
  assert.equal(await text(page, '#member-status'), ja.status_suspended);
  assert.equal(await text(page, '#next-charge'), '—');
  const form = page.locator('#update-form');
  assert.equal(await form.isVisible(), true);
  assert.match(await form.textContent(), new RegExp(catalogText('update_reason_insufficient_fund', 'ja').slice(0, 12)));
  assert.equal(await text(page, '#update'), catalogText('action_update_card', 'ja'));
  await screenshot(page, 'membership-suspended-ja');

  await typeInto(page, '#update-card-form', '4242424242424242');
  await page.locator('#update').click();
  await page.waitForSelector('body[data-updated="true"]');
  assert.equal(await text(page, '#member-notice'), ja.updated_paid.replace('{amount}', '฿1,000.00'));
  assert.equal(await text(page, '#member-status'), ja.status_active);
  assert.match(await text(page, '#member-card'), /•••• 4242$/);
  assert.equal(await form.isVisible(), false);
  assert.match(await text(page, '#next-charge'), /^\d{4}-\d{2}-\d{2}$/);
  await screenshot(page, 'membership-updated-ja');

  // At the sandbox: one customer, the new card its default, the old schedule suspended and a
  // new active one, and exactly one successful "missed payment" charge.
  const customers = await secret('/customers');
  assert.equal(customers.total, 1);
  const customer = customers.data[0];
  const card = customer.cards.data.find((c) => c.id === customer.default_card);
  assert.equal(card.last_digits, '4242');
  const schedules = await secret(`/customers/${customer.id}/schedules`);
  assert.deepEqual(schedules.data.map((s) => s.status).sort(), ['active', 'suspended']);
  const missed = await secret('/search?scope=charge&query=missed');
  assert.equal(missed.total, 1);
  assert.equal(missed.data[0].status, 'successful');
  assert.equal(missed.data[0].amount, 100000);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

async function paidOrder(lang) {
  const page = await openCheckout(browser, sandbox.url, { lang, viewport: PHONE });
  await typeCard(page, '4242424242424242');
  await pay(page);
  assert.equal(await finalStatus(page), statusText('successful', undefined, lang));
  const order = new URL(page.url()).searchParams.get('order');
  return { page, order };
}

test('refund from the shop admin: pending, then successful on the order page (th)', async () => {
  const { page, order } = await paidOrder('th');
  await page.goto(`${sandbox.url}/admin.html?lang=th`);
  await page.waitForSelector('body[data-ready="true"]');
  const row = page.locator(`li[data-order="${order}"]`);
  assert.equal(baht(await row.locator('.refund-partial').textContent()), TEXT.th.refund_100.replace('{amount}', '฿100.00'));
  await row.locator('.refund-partial').click();
  await row.locator('.refunded').waitFor();
  assert.equal(baht(await row.locator('.refunded').textContent()), `${TEXT.th.refunded}: ฿100.00`);
  await screenshot(page, 'admin-refund-th');

  await page.goto(`${sandbox.url}/complete.html?order=${order}&lang=th`);
  await page.waitForSelector('body[data-refunds="1"]');
  assert.equal(await text(page, '.refund'), `฿100.00: ${omise.refundMessage('pending', 'th').text}`);
  await sandbox.api('POST', '/__sandbox/clock', { advanceSeconds: 61 });
  await page.reload();
  await page.waitForSelector('.refund[data-status="successful"]');
  assert.equal(await text(page, '.refund'), `฿100.00: ${omise.refundMessage('successful', 'th').text}`);
  await screenshot(page, 'refund-successful-th');
  await page.context().close();
});

test('a refund the network fails shows as failed on the order page (ja)', async () => {
  const { page, order } = await paidOrder('ja');
  // The sandbox fails a refund whose amount ends in 13.
  const refund = await sandbox.api('POST', `/demo/admin/orders/${order}/refunds`, { amount: 1013 });
  assert.equal(refund.status, 'pending');
  await sandbox.api('POST', '/__sandbox/clock', { advanceSeconds: 61 });
  await page.goto(`${sandbox.url}/complete.html?order=${order}&lang=ja`);
  await page.waitForSelector('.refund[data-status="failed"]');
  assert.equal(await text(page, '.refund'), `฿10.13: ${omise.refundMessage('failed', 'ja').text}`);
  await screenshot(page, 'refund-failed-ja');
  await page.context().close();
});

test('token-time authorization: a declining card fails at the token with its own message (ja)', async () => {
  const strict = await startSandbox(['--token-authorization']);
  try {
    const page = await openCheckout(browser, strict.url, { lang: 'ja', viewport: PHONE });
    await typeCard(page, '4111111111140011');
    await pay(page);
    const error = page.locator('.omise-form-error').filter({ hasText: /\S/ });
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), catalogText('authorization_failed', 'ja'));
    assert.equal(await field(page, 'security-code').inputValue(), '', 'the security code is asked again');
    assert.match(await field(page, 'number').inputValue(), /0011$/, 'the card stays');
    assert.equal((await strict.api('GET', '/demo/orders')).count, 0, 'no order was placed');
    await screenshot(page, 'token-authorization-failed-ja');
    // A good card goes through in the same mode.
    await field(page, 'number').fill('');
    await field(page, 'number').pressSequentially('4242424242424242');
    await field(page, 'security-code').pressSequentially('123');
    await pay(page);
    assert.equal(await finalStatus(page), statusText('successful', undefined, 'ja'));
    await page.context().close();
  } finally {
    strict.stop();
  }
});

test('no Content-Security-Policy violation in any of these journeys', () => {
  assert.deepEqual(cspViolations, []);
});
