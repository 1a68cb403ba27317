// End-to-end: paying the way Thai and Japanese shoppers do, in the demo, as a shopper would:
// PromptPay (paid; expired then a new QR), mobile banking on a phone, TrueMoney, Rabbit LINE
// Pay, PayPay and konbini, each in Japanese or Thai, with the sandbox payer standing for the
// banking app. Assertions are on what the shopper sees; screenshots under screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, launch, openCheckout, pay, finalStatus, screenshot, statusText, catalogText, cspViolations, IPHONE } from './lib.mjs';

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

const choose = (page, id) => page.locator(`.omise-methods input[type=radio][value="${id}"]`).check();
const choices = (page) => page.locator('.omise-methods__list > .omise-method > label input').evaluateAll((els) => els.map((e) => e.value));
const statusOf = async (page) => (await page.locator('#charge-view .omise-status').textContent()).trim();

/** Pays the charge on the sandbox payer page, opened from the shop's link in a new tab. */
async function payOnPayer(page, { decision = 'pay' } = {}) {
  const [payer] = await Promise.all([page.context().waitForEvent('page'), page.locator('#payer-link').click()]);
  await payer.waitForLoadState();
  await payer.locator(`button[value="${decision}"]`).click();
  await payer.waitForLoadState();
  await payer.close();
}

test('PromptPay in Thai: a scannable QR with the amount and a countdown, paid from the payer, then success', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th' });
  assert.deepEqual(await choices(page), ['card', 'promptpay', 'truemoney', 'rabbit_linepay', 'shopeepay'], 'no bank apps on a computer');
  // The checkout page does not carry the QR view: choosing PromptPay fetches it, before Pay.
  const loaded = (name) => page.evaluate((n) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(n)), name);
  assert.equal(await loaded('/omise_checkout_charge_bg.wasm'), false, 'the charge module is not loaded with the checkout');
  await choose(page, 'promptpay');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/omise_checkout_charge_bg.wasm')));
  assert.equal(await page.locator('#charge-view').textContent(), '', 'nothing shown before Pay');
  // Its texts come from the checkout module, which has them: not downloaded a second time.
  const chargeTexts = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('omise_checkout_charge_texts')).length);
  assert.equal(await chargeTexts(), 0, 'the charge module takes the checkout module\'s texts');
  await pay(page);
  const img = page.locator('#charge-view img.omise-qr__image');
  await img.waitFor();
  assert.match(await img.getAttribute('src'), /\/charges\/chrg_test_\w+\/documents\/docu_test_\w+\/downloads\/qrcode\.svg$/);
  // In the page as soon as it is drawn; loaded (or refused by the CSP) a moment later.
  const imageLoaded = (el) =>
    el.complete
      ? el.naturalWidth > 0
      : new Promise((done) => {
        el.addEventListener('load', () => done(el.naturalWidth > 0), { once: true });
        el.addEventListener('error', () => done(false), { once: true });
      });
  assert.ok(await img.evaluate(imageLoaded), 'the QR image loaded (CSP img-src)');
  assert.match(await page.locator('#charge-view').textContent(), /฿1,000\.00/);
  assert.equal(await page.locator('.omise-qr__title').textContent(), catalogText('qr_scan', 'th'));
  assert.equal(await chargeTexts(), 0, 'not even once the QR code is shown');
  assert.match(await page.locator('.omise-qr__clock').textContent(), /^1[45]:\d\d$/);
  assert.equal(await page.locator('.omise-qr__save').count(), 0, '"Save QR image" is for phones');
  await screenshot(page, 'promptpay-qr-th');
  await payOnPayer(page);
  await page.waitForSelector('body[data-outcome="succeeded"]');
  assert.equal(await statusOf(page), statusText('successful', undefined, 'th'));
  assert.equal(await page.locator('#charge-view img').count(), 0, 'no QR once paid');
  assert.ok(await page.locator('#payer').isHidden());
  await screenshot(page, 'promptpay-paid-th');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('PromptPay when the QR view cannot be downloaded (offline): a clear message in Thai, nothing thrown', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th' });
  await page.route('**/omise_checkout_charge*', (route) => route.abort('internetdisconnected'));
  await choose(page, 'promptpay');
  await pay(page);
  const note = page.locator('#charge-view .omise-status');
  await note.waitFor();
  assert.equal((await note.textContent()).trim(), catalogText('network_error', 'th'));
  assert.equal(await note.getAttribute('role'), 'status');
  assert.equal(await page.locator('#charge-view img').count(), 0, 'no QR without its view');
  assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|dynamically imported module/i.test(p)), []);
  await page.context().close();
});

test('the checkout module\'s pollStatus and handleCharge: bad options throw at the call; destroy() before the charge module is in stops it', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'ja' });
  const r = await page.evaluate(async () => {
    const { OmiseCheckout } = await import('/dist/omise_checkout.js');
    const config = await (await fetch('/demo/config')).json();
    const checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: 'ja' });
    let thrown = null;
    try { checkout.pollStatus({ statusUrl: 'javascript:alert(1)' }); } catch (e) { thrown = e.code; }
    // handleCharge's options for a QR code, checked at the call too.
    const qr = { object: 'charge', id: 'chrg_test_qr', status: 'pending', amount: 100000, currency: 'thb',
      source: { id: 'src_test_qr', type: 'promptpay', flow: 'offline', scannable_code: { image: { download_uri: 'https://example.com/qr.svg' } } } };
    const spot = document.createElement('div');
    const refused = [];
    for (const extra of [{ device: 'Phone' }, { device: 1 }, { requestNewQr: 'again' }]) {
      try { checkout.handleCharge(qr, { target: spot, ...extra }); refused.push('not thrown'); } catch (e) { refused.push(e.code); }
    }
    const loadedBefore = performance.getEntriesByType('resource').some((e) => e.name.endsWith('/omise_checkout_charge_bg.wasm'));
    const target = document.createElement('div');
    document.body.append(target);
    const polling = checkout.pollStatus({ sourceId: 'src_test_nothing', target, interval: 60000 });
    polling.destroy();
    const outcome = await polling;
    const asked = performance.getEntriesByType('resource').some((e) => e.name.includes('src_test_nothing'));
    return { thrown, refused, spot: spot.childElementCount, loadedBefore, stopped: outcome.stopped === true, state: outcome.state, shown: target.textContent, asked };
  });
  assert.equal(r.thrown, 'insecure_endpoint', 'thrown synchronously, before the charge module is loaded');
  assert.deepEqual([r.refused, r.spot], [['invalid_options', 'invalid_options', 'invalid_options'], 0], 'handleCharge: device, requestNewQr');
  assert.equal(r.loadedBefore, false);
  assert.deepEqual([r.stopped, r.state, r.shown, r.asked], [true, 'pending', '', false], JSON.stringify(r));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('PromptPay on an iPhone (390 px, Thai): "Save QR image" gives a PNG for the banking app', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th', viewport: IPHONE.viewport, device: IPHONE });
  await choose(page, 'promptpay');
  await pay(page);
  await page.locator('#charge-view img').waitFor();
  assert.match(await page.locator('#charge-view').textContent(), new RegExp(catalogText('qr_scan_phone', 'th').slice(0, 20)));
  const save = page.getByRole('button', { name: catalogText('qr_save', 'th') });
  const box = await save.boundingBox();
  assert.ok(box.height >= 44, `touch target ${box.height}px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'fits 390 px');
  await screenshot(page, 'promptpay-qr-th-390');
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  assert.equal(download.suggestedFilename(), 'promptpay-qr.png');
  await page.context().close();
});

test('PromptPay in Japanese: the QR expires, is never shown as payable, and a new QR can be paid', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'ja', query: 'qrSeconds=3' });
  await choose(page, 'promptpay');
  await pay(page);
  await page.locator('#charge-view img').waitFor();
  const first = await page.locator('#payer-link').getAttribute('href');
  await page.waitForSelector('body[data-outcome="expired"]', { timeout: 15_000 });
  assert.equal(await page.locator('#charge-view img').count(), 0, 'the stale QR is gone');
  assert.equal(await statusOf(page), catalogText('qr_expired', 'ja'));
  await screenshot(page, 'promptpay-expired-ja');
  // The sandbox agrees: the old charge cannot be paid any more.
  const oldId = first.match(/chrg_test_\w+/)[0];
  assert.equal((await sandbox.api('POST', `/__sandbox/charges/${oldId}/pay`)).code, 'failed_payment');
  await page.getByRole('button', { name: catalogText('qr_new', 'ja') }).click();
  await page.waitForFunction((old) => document.querySelector('#payer-link').getAttribute('href') !== old
    && document.querySelector('#charge-view img'), first);
  const newId = (await page.locator('#payer-link').getAttribute('href')).match(/chrg_test_\w+/)[0];
  assert.notEqual(newId, oldId);
  await sandbox.api('POST', `/__sandbox/charges/${newId}/pay`);
  await page.waitForSelector('body[data-outcome="succeeded"]');
  assert.equal(await statusOf(page), statusText('successful', undefined, 'ja'));
  await page.context().close();
});

test('mobile banking on an iPhone (390 px, Thai): choose the bank, its app page, back to the shop, paid', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th', viewport: IPHONE.viewport, device: IPHONE });
  assert.ok((await choices(page)).includes('mobile_banking'), 'offered on a phone');
  await choose(page, 'mobile_banking');
  assert.equal(await page.locator('.omise-method__banks legend').textContent(), catalogText('label_bank', 'th'));
  await pay(page); // no bank yet: asked for, nothing sent
  assert.equal(await page.locator('.omise-method--selected .omise-error').first().textContent(), catalogText('bank_required', 'th'));
  await page.locator('.omise-method__banks input[value="mobile_banking_kbank"]').check();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'fits 390 px');
  await screenshot(page, 'mobile-banking-th-390');
  await pay(page);
  await page.waitForURL(/\/authorize\//);
  assert.match(await page.locator('main').textContent(), /K PLUS/);
  await page.locator('button[value="authorize"]').click();
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'th'));
  await page.context().close();
});

test('TrueMoney in Thai: the wallet app page, declined, and the message never speaks of a card', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th' });
  await choose(page, 'truemoney');
  assert.equal(await page.locator('.omise-method--selected .omise-method__note').textContent(), catalogText('note_truemoney_app', 'th'));
  await pay(page);
  await page.waitForURL(/\/authorize\//);
  await page.locator('button[value="decline"]').click();
  const shown = await finalStatus(page);
  assert.equal(shown, catalogText('failure_declined_other', 'th'));
  assert.ok(!shown.includes('บัตร'), shown);
  await page.context().close();
});

test('Rabbit LINE Pay (English): the wallet page, then success', async () => {
  const page = await openCheckout(browser, sandbox.url);
  await choose(page, 'rabbit_linepay');
  await pay(page);
  await page.waitForURL(/\/authorize\//);
  await page.locator('button[value="authorize"]').click();
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
  await page.context().close();
});

test('PayPay in the yen shop (Japanese): the app page and back, paid', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'ja', query: 'currency=jpy' });
  assert.deepEqual(await choices(page), ['card', 'paypay', 'econtext']);
  assert.equal(await page.locator('#amount').textContent(), '¥3,000');
  await choose(page, 'paypay');
  await pay(page);
  await page.waitForURL(/\/authorize\//);
  assert.match(await page.locator('main').textContent(), /PayPay/);
  await page.locator('button[value="authorize"]').click();
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'ja'));
  await page.context().close();
});

test('konbini in Japanese: fields checked, then the pay-by time, the instructions and "awaiting payment"', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'ja', query: 'currency=jpy' });
  await choose(page, 'econtext');
  await pay(page);
  assert.equal(await page.locator('.omise-field--payer-name .omise-error').textContent(), catalogText('payer_name_required', 'ja'));
  assert.ok(await page.locator('.omise-field--payer-name input').evaluate((el) => el === document.activeElement));
  await page.locator('.omise-field--payer-name input').pressSequentially('ヤマダタロウヤマダタロウ');
  assert.equal(await page.locator('.omise-field--payer-name .omise-error').textContent(), catalogText('payer_name_too_long', 'ja'));
  await page.locator('.omise-field--payer-name input').fill('ヤマダ タロウ');
  await page.locator('.omise-field--payer-email input').pressSequentially('taro@example.jp');
  await page.locator('.omise-field--payer-phoneNumber input').pressSequentially('090-1234-5678');
  await screenshot(page, 'konbini-form-ja');
  await pay(page);
  await page.waitForSelector('body[data-charge="instructions"][data-outcome="pending"]');
  assert.equal(await statusOf(page), catalogText('konbini_awaiting', 'ja'));
  assert.match(await page.locator('.omise-konbini__pay-by').textContent(), /\d+年\d+月\d+日/);
  const how = page.locator('#charge-view a');
  assert.equal(await how.textContent(), catalogText('konbini_how', 'ja'));
  assert.equal(await how.getAttribute('target'), '_blank');
  await screenshot(page, 'konbini-awaiting-ja');
  // The shopper pays at the store (the payer); the order is paid.
  await payOnPayer(page);
  const order = new URL(await page.locator('#order-link-a').getAttribute('href'), sandbox.url).searchParams.get('order');
  assert.equal((await sandbox.api('GET', `/demo/orders/${order}`)).status, 'successful');
  await page.context().close();
});

test('the shop switches currency in place: the picker follows the cart', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th' });
  await page.locator('[data-currency="jpy"]').click();
  await page.waitForFunction(() => document.querySelector('#amount').textContent === '¥3,000');
  assert.deepEqual(await choices(page), ['card', 'paypay', 'econtext']);
  await page.locator('[data-currency="thb"]').click();
  assert.deepEqual(await choices(page), ['card', 'promptpay', 'truemoney', 'rabbit_linepay', 'shopeepay']);
  await page.context().close();
});

test('no Content-Security-Policy violation in any of these journeys', () => {
  assert.deepEqual(cspViolations, []);
});
