// End-to-end: the demo checkout driven as a customer would, in Debian's Chromium, against a
// fresh local sandbox. Assertions are on what the customer sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, launch, openCheckout, field, typeCard, pay, finalStatus, screenshot, statusText, catalogText, cspViolations } from './lib.mjs';

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

const SUCCESS = [
  ['visa', '4242424242424242'],
  ['mastercard', '5555555555554444'],
  ['jcb', '3530111333300000'],
  ['amex', '378282246310005'],
  ['diners', '36021042000004'],
  ['discover-19', '6447032400000000001'],
];

test('the card travels through the vault\'s provider iframe (easyXDM), not a fetch from the page', async () => {
  const page = await openCheckout(browser, sandbox.url);
  const fromPage = [];
  page.on('request', (r) => { if (r.frame() === page.mainFrame() && new URL(r.url()).pathname === '/tokens') fromPage.push(r.url()); });
  const frame = page.locator('iframe[src*="/provider?"]');
  assert.equal(await frame.count(), 1);
  const src = await frame.getAttribute('src');
  assert.match(src, /\/provider\?xdm_e=http%3A%2F%2F127\.0\.0\.1%3A\d+&xdm_c=omisecheckout\d+&xdm_p=1$/);
  await typeCard(page, '4242424242424242');
  await pay(page);
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
  assert.deepEqual(fromPage, [], 'no /tokens request from the page itself');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const [brand, number] of SUCCESS) {
  test(`card payment succeeds: ${brand}`, async () => {
    const page = await openCheckout(browser, sandbox.url);
    await typeCard(page, number);
    await pay(page);
    assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
    await screenshot(page, `success-${brand}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('3-D Secure authorized, then success (after a delayed completion the page keeps polling)', async () => {
  await sandbox.api('POST', '/__sandbox/config', { settleDelayMs: 3000 });
  try {
    const page = await openCheckout(browser, sandbox.url);
    await typeCard(page, '4111111111111111');
    await pay(page);
    await page.waitForURL(/\/authorize\//);
    await screenshot(page, '3ds-page');
    const started = Date.now();
    await page.locator('button[value="authorize"]').click();
    assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
    assert.ok(Date.now() - started >= 2500, 'the status page waited for the delayed completion');
    await screenshot(page, '3ds-authorized');
    await page.context().close();
  } finally {
    await sandbox.api('POST', '/__sandbox/config', { settleDelayMs: 0 });
  }
});

test('3-D Secure declined → failure message, in Thai', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'th' });
  await typeCard(page, '5454545454545454');
  await pay(page);
  await page.waitForURL(/\/authorize\//);
  // The issuer's page speaks the shopper's language too, and names the shop as the shop does.
  assert.equal(await page.locator('html').getAttribute('lang'), 'th');
  assert.match(await page.locator('dl').textContent(), /Sandbox Supply Co\./);
  await screenshot(page, '3ds-page-th');
  await page.getByRole('button', { name: 'ปฏิเสธ' }).click();
  assert.equal(await finalStatus(page), statusText('failed', 'payment_rejected', 'th'));
  await screenshot(page, '3ds-declined-th');
  await page.context().close();
});

const FAILURES = [
  ['insufficient_fund', '4111111111140011', 'ja'],
  ['stolen_or_lost_card', '5555551111100012', 'th'],
  ['failed_processing', '3530111111170013', 'en'],
  ['payment_rejected', '4111111111110014', 'ja'],
  ['failed_fraud_check', '5555551111160016', 'th'],
  ['invalid_account_number', '3530111111130017', 'ja'],
];

for (const [code, number, lang] of FAILURES) {
  test(`failure card ${code} → its localized message (${lang})`, async () => {
    const page = await openCheckout(browser, sandbox.url, { lang });
    await typeCard(page, number);
    await pay(page);
    // The decline, in the shopper's language, in the form; the card stays for a correction.
    const error = page.locator('.omise-form-error');
    await error.filter({ hasText: /\S/ }).waitFor();
    assert.equal((await error.textContent()).trim(), statusText('failed', code, lang));
    assert.equal((await field(page, 'number').inputValue()).replace(/\s/g, ''), number);
    await screenshot(page, `failure-${code}-${lang}`);
    // Another card: the stale decline goes as soon as the shopper edits.
    await field(page, 'number').fill('');
    assert.equal((await error.textContent()).trim(), '', 'the decline is gone once the card is edited');
    await field(page, 'number').pressSequentially('4242424242424242');
    await pay(page);
    assert.equal(await finalStatus(page), statusText('successful', undefined, lang));
    await page.context().close();
  });
}

test('security_code_check false → security-code error, no order created', async () => {
  const before = (await sandbox.api('GET', '/demo/orders?count')).count;
  const page = await openCheckout(browser, sandbox.url);
  await typeCard(page, '4111111111160001');
  await pay(page);
  const error = page.locator('.omise-field--security-code .omise-error');
  await error.filter({ hasText: /\S/ }).waitFor();
  assert.match(await error.textContent(), /security code/i);
  assert.equal(await field(page, 'security-code').getAttribute('aria-invalid'), 'true');
  assert.equal((await sandbox.api('GET', '/demo/orders?count')).count, before);
  await screenshot(page, 'security-code-check');
  await page.context().close();
});

test('invalid input: errors only on blur or submit, invalid at once', async () => {
  const page = await openCheckout(browser, sandbox.url);
  const numberError = page.locator('.omise-field--number .omise-error');
  await field(page, 'number').pressSequentially('4242');
  assert.equal(await numberError.textContent(), '');
  await field(page, 'expiry').click();
  assert.notEqual(await numberError.textContent(), '');
  await field(page, 'expiry').pressSequentially('13');
  assert.notEqual(await page.locator('.omise-field--expiry .omise-error').textContent(), '', 'month 13 is shown at once');
  // Pay is never disabled: a click explains every field and focuses the first one to fix.
  assert.equal(await page.locator('#pay').isDisabled(), false);
  await pay(page);
  assert.equal(await page.evaluate(() => document.activeElement.closest('.omise-field')?.className.includes('omise-field--number')), true);
  assert.notEqual(await page.locator('.omise-field--name .omise-error').textContent(), '', 'the empty name is explained');
  await screenshot(page, 'invalid-input');
  await page.context().close();
});

test('full-width digits typed as from a Japanese IME', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'ja' });
  await field(page, 'number').pressSequentially('４２４２４２４２４２４２４２４２');
  assert.equal(await field(page, 'number').inputValue(), '4242 4242 4242 4242');
  await field(page, 'expiry').pressSequentially('１２３０');
  await field(page, 'security-code').pressSequentially('１２３');
  await field(page, 'name').pressSequentially('TARO YAMADA');
  await pay(page);
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'ja'));
  await page.context().close();
});

test('double click on Pay → one order', async () => {
  const before = (await sandbox.api('GET', '/demo/orders?count')).count;
  const page = await openCheckout(browser, sandbox.url);
  await typeCard(page, '4242424242424242');
  await page.locator('#pay').dblclick();
  await finalStatus(page);
  assert.equal((await sandbox.api('GET', '/demo/orders?count')).count, before + 1);
  await page.context().close();
});

for (const [fault, extra] of [['503', {}], ['timeout', { delayMs: 25_000 }], ['drop', {}], ['malformed_json', {}]]) {
  test(`vault failing (${fault}) → error, then success on retry`, async () => {
    const page = await openCheckout(browser, sandbox.url);
    await page.evaluate(() => {}); // page ready
    // Chrome silently retries once when a reused keep-alive connection closes without an answer.
    await sandbox.api('POST', '/__sandbox/faults', { path: '/tokens', fault, times: fault === 'drop' ? 2 : 1, ...extra });
    await typeCard(page, '4242424242424242');
    await pay(page);
    const formError = page.locator('.omise-form-error');
    await formError.filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    await screenshot(page, `vault-${fault}`);
    await sandbox.api('DELETE', '/__sandbox/faults');
    await pay(page);
    assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
    await page.context().close();
  });
}

test('status endpoint failing mid-poll → still the right final message', async () => {
  await sandbox.api('POST', '/__sandbox/config', { settleDelayMs: 2000 });
  try {
    const page = await openCheckout(browser, sandbox.url, { lang: 'ja' });
    await typeCard(page, '3566111111111113');
    await pay(page);
    await page.waitForURL(/\/authorize\//);
    await sandbox.api('POST', '/__sandbox/faults', { path: '/demo/orders/', method: 'GET', fault: '503', times: 3 });
    await page.locator('button[value="authorize"]').click();
    assert.equal(await finalStatus(page), statusText('successful', undefined, 'ja'));
    await page.context().close();
  } finally {
    await sandbox.api('POST', '/__sandbox/config', { settleDelayMs: 0 });
  }
});

// Thai internet banking was discontinued in 2025: a wallet chosen in the widget's picker instead.
test('ShopeePay source (its QR page on a computer) → wallet page → success', async () => {
  const page = await openCheckout(browser, sandbox.url);
  await page.locator('.omise-methods input[type=radio][value="shopeepay"]').check();
  await pay(page);
  await page.waitForURL(/\/authorize\//);
  await page.locator('button[value="authorize"]').click();
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
  await page.context().close();
});

test('phone-sized viewport', async () => {
  const page = await openCheckout(browser, sandbox.url, { viewport: { width: 375, height: 740 }, lang: 'th' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no horizontal scroll (scrollWidth ${width})`);
  await screenshot(page, 'phone-checkout-th');
  await typeCard(page, '4242424242424242');
  await pay(page);
  assert.equal(await finalStatus(page), statusText('successful', undefined, 'th'));
  await screenshot(page, 'phone-complete-th');
  await page.context().close();
});

test('keyboard: focus moves on when complete and Backspace comes back; deleting across separators', async () => {
  const page = await openCheckout(browser, sandbox.url);
  const active = () => page.evaluate(() => document.activeElement.closest('.omise-field')?.className ?? '');
  await field(page, 'number').pressSequentially('4242424242424242');
  assert.match(await active(), /omise-field--expiry/, 'focus moved to the expiry');
  await page.keyboard.type('1230');
  assert.match(await active(), /omise-field--security-code/);
  await page.keyboard.press('Backspace');
  assert.match(await active(), /omise-field--expiry/, 'Backspace in the empty field went back');
  await page.keyboard.press('Backspace');
  assert.equal(await field(page, 'expiry').inputValue(), '12 / 3');
  await page.keyboard.press('Backspace');
  assert.equal(await field(page, 'expiry').inputValue(), '12', 'the separator goes with the digit');
  const number = field(page, 'number');
  await number.focus();
  await number.evaluate((el) => el.setSelectionRange(5, 5));
  await page.keyboard.press('Backspace');
  assert.equal(await number.inputValue(), '4244 2424 2424 242');
  assert.equal(await number.evaluate((el) => el.selectionStart), 3);
  await page.keyboard.type('2');
  assert.equal(await number.inputValue(), '4242 4242 4242 4242');
  assert.equal(await number.evaluate((el) => el.selectionStart), 4, 'the caret stays right after the typed digit');
  await page.context().close();
});

test('live mode: the demo pays through another Omise account (a second sandbox plays Omise)', async () => {
  const omise = await startSandbox();
  const keys = await omise.api('POST', '/__sandbox/keys');
  const demo = await startSandbox([], {
    OMISE_PUBLIC_KEY: keys.publicKey, OMISE_SECRET_KEY: keys.secretKey, OMISE_API_URL: omise.url, OMISE_VAULT_URL: omise.url,
  });
  try {
    const page = await openCheckout(browser, demo.url);
    await typeCard(page, '4111111111111111');
    await pay(page);
    // 3-D Secure on the upstream's page, then back to the demo's return page.
    await page.waitForURL((u) => u.href.startsWith(`${omise.url}/authorize/`));
    await page.locator('button[value="authorize"]').click();
    assert.equal(await finalStatus(page), statusText('successful', undefined, 'en'));
    assert.ok(page.url().startsWith(`${demo.url}/complete.html`), page.url());
    // The token and the charge were made at the upstream, in that account.
    const tokens = await omise.api('GET', `/__sandbox/requests?path=/tokens&key=${keys.publicKey}`);
    const charges = await omise.api('GET', `/__sandbox/requests?path=/charges&key=${keys.secretKey}`);
    assert.equal(tokens.count, 1, JSON.stringify(tokens));
    assert.ok(charges.count >= 2, JSON.stringify(charges)); // created, then read by the status endpoint
    // In live mode the demo's own sandbox controls do not exist.
    assert.equal((await demo.api('GET', '/__sandbox/requests?path=/tokens')).code, 'not_found');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    demo.stop();
    omise.stop();
  }
});

// Last: every journey above ran with a CSP violation listener in each page and frame.
test('no Content-Security-Policy violation in any journey', () => {
  assert.deepEqual(cspViolations, []);
});

test('texts one language at a time: the page\'s language with the wasm, another when a form is shown in it, said again in place', async () => {
  const page = await openCheckout(browser, sandbox.url, { lang: 'en' });
  const texts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /omise_checkout_texts/.test(p)));
  assert.deepEqual(await texts(), ['/dist/omise_checkout_texts_en.js'], 'only the page\'s language with the wasm');
  // A second form in Thai, which is not here yet: drawn in English, Thai fetched, then the same
  // form says everything in Thai and keeps what was typed.
  const first = await page.evaluate(async () => {
    const { OmiseCheckout } = await import('/dist/omise_checkout.js');
    const config = await (await fetch('/demo/config')).json();
    const target = document.createElement('div');
    target.id = 'second-form';
    document.body.prepend(target);
    new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: 'th' }).mountCardForm(target);
    return target.querySelector('.omise-field--number label').textContent;
  });
  assert.equal(first, catalogText('label_number', 'en'));
  const second = (f) => page.locator(`#second-form .omise-field--${f}`);
  await second('number').locator('input').pressSequentially('4242');
  await page.waitForFunction((text) => document.querySelector('#second-form .omise-field--number label').textContent === text, catalogText('label_number', 'th'));
  assert.equal(await second('number').locator('input').inputValue(), '4242');
  assert.equal(await second('expiry').locator('label').textContent(), catalogText('label_expiry', 'th'));
  assert.equal(await page.locator('#second-form .omise-card-form').getAttribute('lang'), 'th');
  // The demo's own form stays English; Japanese was never needed, so never fetched.
  assert.equal(await page.locator('#card-form .omise-field--number label').textContent(), catalogText('label_number', 'en'));
  assert.deepEqual((await texts()).sort(), ['/dist/omise_checkout_texts_en.js', '/dist/omise_checkout_texts_th.js']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
