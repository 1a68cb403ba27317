// A merchant's checkout page, as bundled by esbuild from the installed npm package.
import init, { OmiseCheckout } from 'omise-checkout';
import wasmUrl from 'omise-checkout/omise_checkout_bg.wasm';
import 'omise-checkout/style.css';

await init({ module_or_path: wasmUrl });
const config = await (await fetch('/demo/config')).json();
const checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: 'en' });
const form = checkout.mountCardForm('#card');
document.querySelector('#pay').addEventListener('click', async () => {
  const { token, error } = await form.tokenize();
  document.querySelector('#result').textContent = token ? token.id : `error: ${error.code}`;
});
document.body.dataset.ready = 'true';
