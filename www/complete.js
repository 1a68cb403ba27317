// The return page: polls the merchant's status endpoint and shows the customer's message.
import init, { OmiseCheckout } from '/dist/omise_checkout.js';
import { TEXT, lang, translate } from '/demo-i18n.js';

await init();
translate();
const config = await (await fetch('/demo/config')).json();
const order = new URLSearchParams(location.search).get('order') ?? '';
const ref = document.getElementById('order-ref');
ref.textContent = `${TEXT[lang()].order_ref}: ${order}`;

const checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: lang() });
const slot = document.getElementById('status');
const checking = document.getElementById('checking');
const outcome = await checkout.pollStatus({
  statusUrl: `/demo/orders/${encodeURIComponent(order)}`,
  target: slot,
  maxWait: 120000,
  onUpdate: () => checking.remove(),
});
checking.remove();
document.body.dataset.outcome = outcome.state;
