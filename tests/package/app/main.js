// A merchant's checkout page, as bundled by esbuild from the installed npm package.
import init, { OmiseCheckout } from 'omise-checkout';
import wasmUrl from 'omise-checkout/omise_checkout_bg.wasm';
import chargeWasmUrl from 'omise-checkout/omise_checkout_charge_bg.wasm';
import validatorsWasmUrl from 'omise-checkout/omise_checkout_validators_bg.wasm';
import initValidators, { validateCardNumber } from 'omise-checkout/validators';
import statusWasmUrl from 'omise-checkout/omise_checkout_status_bg.wasm';
import initStatus, { refundMessage } from 'omise-checkout/status';
import 'omise-checkout/style.css';

await init({ module_or_path: wasmUrl });
const config = await (await fetch('/demo/config')).json();
// esbuild does not follow `new URL(…, import.meta.url)`: the after-the-charge module's wasm is
// given by its bundled URL, like the checkout's.
const checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: 'en', chargeWasmUrl });
const form = checkout.mountCardForm('#card');
document.querySelector('#pay').addEventListener('click', async () => {
  const { token, error } = await form.tokenize();
  document.querySelector('#result').textContent = token ? token.id : `error: ${error.code}`;
});
// A charge that is already successful: `handleCharge` loads the after-the-charge module and
// shows the outcome in #status.
document.querySelector('#charge').addEventListener('click', async () => {
  const handled = checkout.handleCharge({ object: 'charge', status: 'successful', amount: 10000, currency: 'thb' }, { target: '#status' });
  const outcome = await handled.result;
  document.querySelector('#status').dataset.state = `${handled.kind}:${outcome.state}`;
});
// The validators entry, on its own.
await initValidators({ module_or_path: validatorsWasmUrl });
document.querySelector('#validators').textContent = validateCardNumber('4242 4242 4242 4242').state;
// A return page's module, on its own (its texts files come in by import(), through the bundle).
await initStatus({ module_or_path: statusWasmUrl, locale: 'ja' });
document.querySelector('#refund').textContent = refundMessage('pending', 'ja').text;
document.body.dataset.ready = 'true';
