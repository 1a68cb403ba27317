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

test('a return page loads its language beside the wasm; a view in another waits for that one (th, ja, en)', async () => {
  const { page, order } = await paidOrder('th');
  const texts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /_texts/.test(p)).sort());
  const wasms = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')).sort());
  assert.deepEqual(await texts(), ['/dist/omise_checkout_status_texts_th.js'], 'only the page\'s language');
  assert.deepEqual(await wasms(), ['/dist/omise_checkout_status_bg.wasm'], 'the return page\'s module only');
  // Japanese and English views on the same page: nothing is drawn until the language is here,
  // then everything is in it (never a first frame in another language). pollStatus on the
  // page's own module (omise-checkout/status, which has no handleCharge); handleCharge on the
  // after-the-charge module loaded alone beside it (with its own texts files).
  const views = await page.evaluate(async (order) => {
    const status = await import('/dist/omise_checkout_status.js');
    const charge = await import('/dist/omise_checkout_charge.js');
    await charge.default({ locale: 'th' });
    const config = await (await fetch('/demo/config')).json();
    const options = (locale) => ({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale });
    const make = (locale) => new charge.OmiseCheckout(options(locale));
    const noViews = [typeof new status.OmiseCheckout(options('th')).handleCharge, typeof new status.OmiseCheckout(options('th')).authorize];
    const place = (id) => document.body.appendChild(Object.assign(document.createElement('div'), { id }));
    // A QR code destroyed before its language arrived: never drawn, and its outcome says so.
    const qr = place('qr-view');
    const gone = make('ja').handleCharge(
      {
        object: 'charge', status: 'pending', amount: 100000, currency: 'thb', expires_at: new Date(Date.now() + 600_000).toISOString(),
        source: { type: 'promptpay', flow: 'offline', scannable_code: { image: { download_uri: `${location.origin}/qr.svg` } } },
      },
      { target: qr },
    );
    gone.destroy();
    const qrCharge = {
      object: 'charge', status: 'pending', amount: 100000, currency: 'thb', expires_at: new Date(Date.now() + 600_000).toISOString(),
      source: { type: 'promptpay', flow: 'offline', scannable_code: { image: { download_uri: `${location.origin}/qr.svg` } } },
    };
    const ja = place('ja-view');
    const handled = make('ja').handleCharge({ object: 'charge', status: 'successful', amount: 100000, currency: 'thb' }, { target: ja });
    const jaBefore = ja.textContent;
    const en = place('en-view');
    const polled = new status.OmiseCheckout(options('en')).pollStatus({ statusUrl: `/demo/orders/${encodeURIComponent(order)}`, target: en });
    const enBefore = en.textContent;
    // A QR code in English, drawn once English is here, then destroyed.
    const later = place('qr-later');
    const shownLater = make('en').handleCharge(qrCharge, { target: later });
    const [jaResult, enResult, goneResult] = await Promise.all([handled.result, polled, gone.result]);
    const title = later.querySelector('.omise-qr__title')?.textContent;
    shownLater.destroy();
    const laterResult = await shownLater.result;
    return {
      noViews,
      gone: { kind: gone.kind, result: goneResult, shown: qr.childElementCount },
      later: { title, result: laterResult, left: later.childElementCount },
      kind: handled.kind,
      jaBefore,
      ja: ja.querySelector('.omise-status')?.textContent,
      jaLang: ja.querySelector('.omise-charge')?.lang,
      jaMessage: jaResult.message,
      enBefore,
      en: en.querySelector('.omise-status')?.textContent,
      enState: enResult.state,
    };
  }, order);
  assert.deepEqual(views.noViews, ['undefined', 'undefined'], 'no handleCharge or authorize in the return page\'s module');
  assert.deepEqual(views.gone, { kind: 'qr', result: { state: 'pending', stopped: true }, shown: 0 });
  assert.deepEqual(views.later, { title: catalogText('qr_scan', 'en'), result: { state: 'pending', stopped: true }, left: 0 });
  assert.equal(views.kind, 'status');
  assert.equal(views.jaBefore, '', 'not drawn before Japanese is here');
  assert.equal(views.ja, statusText('successful', undefined, 'ja'));
  assert.equal(views.jaMessage, views.ja);
  assert.equal(views.jaLang, 'ja');
  assert.equal(views.enBefore, '', 'no "Checking" before English is here');
  assert.equal(views.enState, 'succeeded');
  assert.equal(views.en, statusText('successful', undefined, 'en'));
  assert.deepEqual(await texts(), [
    ...['en', 'ja', 'th'].map((l) => `/dist/omise_checkout_charge_texts_${l}.js`),
    ...['en', 'th'].map((l) => `/dist/omise_checkout_status_texts_${l}.js`),
  ]);
  assert.deepEqual(await wasms(), ['/dist/omise_checkout_charge_bg.wasm', '/dist/omise_checkout_status_bg.wasm']);
  await page.context().close();
});

test('no Content-Security-Policy violation in any of these journeys', () => {
  assert.deepEqual(cspViolations, []);
});
