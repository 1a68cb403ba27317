// The return page: polls the merchant's status endpoint and shows the customer's message. It
// loads only the return page's module (polling, status, refunds: omise-checkout/status), not
// the checkout's nor the after-the-charge module's QR and konbini views.
import init, { OmiseCheckout, refundMessage } from '/dist/omise_checkout_status.js';
import { TEXT, lang, money, translate } from '/demo-i18n.js';

// The wasm and the texts of the page's language, in parallel.
await init({ locale: lang() });
translate();
const config = await (await fetch('/demo/config')).json();
const order = new URLSearchParams(location.search).get('order') ?? '';
const ref = document.getElementById('order-ref');
// The id is ours (`ord_…`), but the URL is the shopper's: show only what looks like one.
if (/^[A-Za-z0-9_-]{1,64}$/.test(order)) {
  ref.textContent = `${TEXT[lang()].order_ref}: ${order}`;
} else {
  ref.textContent = TEXT[lang()].no_order;
}

const checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: lang() });
const slot = document.getElementById('status');
// The widget shows "Checking…" with a spinner, then the outcome and what the shopper can do
// next: try again or pay another way after a failure, check again if it is still confirming.
const back = `/?lang=${lang()}`;
const outcome = await checkout.pollStatus({
  statusUrl: `/demo/orders/${encodeURIComponent(order)}`,
  target: slot,
  // `?maxWait=` lets the e2e suite reach the "still confirming" end state quickly.
  maxWait: Math.min(120000, Math.max(2000, Number(new URLSearchParams(location.search).get('maxWait')) || 120000)),
  retryUrl: back,
  otherMethodUrl: `${back}#pay-with`,
  // After "Check again", the final outcome arrives here.
  onUpdate: (update) => { if (update.state !== 'pending') document.body.dataset.outcome = update.state; },
});
document.body.dataset.outcome = outcome.state;

// Refunds of this order (the shop's back office makes them): each one's state in the
// shopper's words (`refundMessage`: pending, back in 5–10 business days, or failed).
const refunds = await fetch(`/demo/orders/${encodeURIComponent(order)}`).then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
if (refunds.refunds?.length) {
  const amountOf = (amount) => money(amount, refunds.currency);
  const title = document.createElement('h2');
  title.textContent = TEXT[lang()].refunds;
  const list = document.createElement('ul');
  list.id = 'refunds';
  list.className = 'refunds';
  for (const r of refunds.refunds) {
    const { kind, text } = refundMessage(r.status, lang());
    const li = document.createElement('li');
    li.className = `refund refund--${kind}`;
    li.dataset.status = r.status;
    li.textContent = `${amountOf(r.amount)}: ${text}`;
    list.append(li);
  }
  slot.after(title, list);
}
document.body.dataset.refunds = String(refunds.refunds?.length ?? 0);
