// Compiles against the package's generated declarations (tsc --noEmit, strict).
import init, { OmiseCheckout, validateCardNumber, statusMessage, message, type BusyEvent, type CardFormState, type LocaleId, type ShownError, type TokenResult } from 'omise-checkout';
import initCharge, { OmiseCheckout as ReturnPage, refundMessage, initSync as initChargeSync } from 'omise-checkout/charge';
import chargeTh from 'omise-checkout/charge-texts/th';
import initStatus, { OmiseCheckout as StatusPage, refundMessage as statusRefund, initSync as initStatusSync } from 'omise-checkout/status';
import statusTh from 'omise-checkout/status-texts/th';
import initValidators, { validateExpiry, formatCardNumber } from 'omise-checkout/validators';

await init();
const checkout = new OmiseCheckout({ publicKey: 'pkey_test_123', locale: 'ja', timeoutMs: 10_000 });
const form = checkout.mountCardForm('#card', { billing: ['postalCode'], clearAfterToken: true });
const state: CardFormState = form.state();
const brand: string | null = state.brand;
const complete: boolean = state.complete && state.fields.number.state === 'valid';
const result: TokenResult = await form.tokenize();
if (result.error) {
  const field: string | undefined = result.error.field;
  console.log(result.error.code, result.error.message, field);
} else {
  const id: string = result.token.id;
  console.log(id, result.token.card.last_digits);
}
const outcome = await checkout.pollStatus({ statusUrl: '/orders/1/status', maxWait: 600_000 });
const final: 'succeeded' | 'failed' | 'pending' = outcome.state;
const v = validateCardNumber('4242');
const s: 'valid' | 'incomplete' | 'invalid' = v.state;
console.log(brand, complete, final, s, statusMessage('failed', 'insufficient_fund', 'th').text);
// Busy state, Pay button, errors after the token, language switch.
const busy: boolean = form.state().busy;
form.bindPayButton('#pay');
form.on('busy', (detail: BusyEvent) => console.log(detail.busy, busy));
const response: Response = await form.busyWhile(fetch('/orders'));
const shown: ShownError | null = form.showError(response.ok ? null : 'order_failed');
form.showError('insufficient_fund');
form.setLocale('th');
const locale: LocaleId = form.locale;
checkout.setLocale('ja');
const processing: string | undefined = message('processing', locale);
const kept = checkout.mountCardForm('#card2', { clearAfterToken: 'on-success' });
kept.destroy();
console.log(shown?.message, processing);
form.destroy();
// The payment-method picker and handleCharge.
const methods = checkout.mountPaymentMethods('#pay-with', { amount: 100000, currency: 'thb', card: '#card', methods: ['promptpay', 'mobile_banking'] });
methods.on('change', (d) => console.log(d.selected, d.sourceType));
const picked = await methods.createSource();
if (picked.source) {
  const flow: string = picked.source.flow;
  console.log(flow);
} else if (picked.error) {
  console.log(picked.error.field, picked.error.message);
}
const handled = checkout.handleCharge({ status: 'pending' }, { target: '#after', statusUrl: '/orders/1/status', requestNewQr: () => {} });
if (handled.kind === 'qr') {
  const done = await handled.result;
  console.log(done.expired === true, done.state);
  handled.destroy();
}
methods.setLocale('ja');
methods.destroy();
// The return page with the after-the-charge module only; the validators entry alone.
await initCharge({ locale: 'th' });
// With the wasm bytes in hand (e.g. in Node): initSync takes the module's texts too, by language.
if (Math.random() > 2) initChargeSync({ module: new Uint8Array(), texts: { th: chargeTh } });
const returned = await new ReturnPage({ publicKey: 'pkey_test_123', chargeWasmUrl: '/x.wasm' }).pollStatus({ sourceId: 'src_test_1', target: '#status' });
const refund: 'success' | 'pending' | 'failure' = refundMessage('pending', 'ja').kind;
// A return page on the lighter module (no handleCharge views, no authorize), the same texts files.
await initStatus({ locale: 'ja' });
if (Math.random() > 2) initStatusSync({ module: new Uint8Array(), texts: { th: statusTh } });
const statusPage = new StatusPage({ publicKey: 'pkey_test_123', locale: 'ja' });
const polled: 'succeeded' | 'failed' | 'pending' = (await statusPage.pollStatus({ statusUrl: '/orders/1', target: '#status' })).state;
// @ts-expect-error: handleCharge is the after-the-charge module's (omise-checkout/charge)
statusPage.handleCharge({ status: 'pending' }, { target: '#status' });
const statusRefundKind: 'success' | 'pending' | 'failure' = statusRefund('successful', 'th').kind;
console.log(polled, statusRefundKind);
await initValidators();
const expiry: 'valid' | 'incomplete' | 'invalid' = validateExpiry('12/30').state;
const formatted: string = formatCardNumber('4242424242424242').value;
console.log(returned.state, refund, expiry, formatted);
