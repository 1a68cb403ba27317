// The demo checkout: the widget's method picker with the card form under its "Card" choice;
// tokenizes or creates a source, asks the demo merchant backend to charge, then lets
// `handleCharge` do what the charge needs (3-D Secure, a bank's app, a QR code, konbini).
import init, { OmiseCheckout, message } from '/dist/omise_checkout.js';
import { TEXT, CARDS, lang, setLang, translate } from '/demo-i18n.js';

const $ = (id) => document.getElementById(id);

// The wasm and the texts of the shopper's language, in parallel.
await init({ locale: lang() });
const config = await (await fetch('/demo/config')).json();
// The carts are the backend's (฿1,000.00 in satang, ¥3,000): it charges those totals and
// nothing else. The shop's currency: `?currency=`, else the last one chosen, else THB.
const CARTS = config.carts ?? [config.cart];
const wanted = new URLSearchParams(location.search).get('currency') || sessionStorage.getItem('demo-currency');
let cart = CARTS.find((c) => c.currency === wanted) ?? CARTS[0];
// Live mode with live keys (sandbox/README.md): say so, loudly.
if (config.live && !config.publicKey.startsWith('pkey_test_')) {
  const badge = document.querySelector('.test-badge');
  badge.dataset.i18n = 'live_mode';
  badge.classList.add('live-badge');
  // Test cards do not work with live keys.
  document.querySelector('aside.cards').hidden = true;
}

let checkout = null;
let form = null;
let methods = null;
let submitting = false;

function mount() {
  checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: lang() });
  form = checkout.mountCardForm('#card-form');
  // Pay stays enabled: tokenize() explains what is missing. While the widget or the order call
  // is busy, the button shows a spinner and "Processing…" and swallows clicks.
  form.bindPayButton($('pay'));
  mountMethods();
}

/** The widget's picker: the methods that fit the cart and the device, the card form first. */
function mountMethods() {
  methods = checkout.mountPaymentMethods('#pay-with', {
    amount: cart.amount, currency: cart.currency, card: '#card-form', selected: 'card',
  });
  methods.on('change', () => showError(''));
  renderCart();
}

/** The total and the Pay button, in the shopper's language and the cart's currency. */
function renderCart() {
  const minor = cart.currency === 'jpy' ? 1 : 100;
  // The shop writes its prices one way in every language (฿1,000.00, ¥3,000).
  const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: cart.currency.toUpperCase(), currencyDisplay: 'narrowSymbol' })
    .format(cart.amount / minor);
  $('amount').textContent = total;
  $('pay').textContent = TEXT[lang()].pay.replace('{amount}', total);
  for (const b of document.querySelectorAll('[data-currency]')) b.setAttribute('aria-pressed', String(b.dataset.currency === cart.currency));
}

function showError(text) {
  $('pay-error').textContent = text || '';
}

async function pay(event) {
  event.preventDefault();
  if (submitting) return; // a double click creates one order
  submitting = true;
  showError('');
  $('filled').textContent = '';
  try {
    if (methods.selected === 'card') await payByCard();
    else await payByMethod();
  } finally {
    submitting = false;
  }
}

async function payByCard() {
  const { token, error } = await form.tokenize();
  if (error) return; // shown in the form, localized, with focus on the first field to fix
  // The card stays in the form until the outcome is known: a failed order call keeps it.
  const order = await form.busyWhile(createOrder({ token: token.id }));
  if (!order.ok) {
    form.showError(order.offline ? 'offline' : 'order_failed');
    return;
  }
  sessionStorage.setItem('demo-lang', lang());
  if (order.body.authorizeUri) {
    // Clears the card (clearAfterToken: 'on-success') as the browser leaves for 3-D Secure.
    const r = checkout.authorize({ status: order.body.status, authorize_uri: order.body.authorizeUri });
    if (r.error) form.showError(r.error.code);
    return;
  }
  if (order.body.status === 'failed') {
    // The decline, in the shopper's words, in the form; the card stays so it can be corrected.
    form.showError({ failure_code: order.body.failureCode });
    return;
  }
  form.clear();
  location.assign(`/complete.html?order=${encodeURIComponent(order.body.orderId)}&lang=${lang()}`);
}

// How long the shop lets a PromptPay QR code be paid (15 minutes; `?qrSeconds=` for tests) and
// a konbini payment wait (3 days).
const QR_SECONDS = Math.min(86400, Math.max(1, Number(new URLSearchParams(location.search).get('qrSeconds')) || 900));
const KONBINI_SECONDS = 3 * 86400;

/** PromptPay, mobile banking, wallets, PayPay, konbini: a source, an order, then whatever the charge needs. */
async function payByMethod() {
  await form.busyWhile((async () => {
    const { source, error } = await methods.createSource();
    if (error) {
      // Field problems are shown in the picker, with focus on the first; others here.
      if (error.code !== 'validation_error') showError(error.message);
      return;
    }
    const wait = { promptpay: QR_SECONDS, econtext: KONBINI_SECONDS }[source.type];
    const order = await createOrder({ source: source.id, expiresInSeconds: wait });
    if (!order.ok) return showError(message(order.offline ? 'offline' : 'order_failed', lang()));
    sessionStorage.setItem('demo-lang', lang());
    handle(order.body);
  })());
}

/** `handleCharge`: to the bank's or wallet's app or page, or the QR code / konbini instructions here. */
function handle(order) {
  const handled = checkout.handleCharge(order.charge, {
    target: '#charge-view',
    statusUrl: order.statusUrl,
    // The QR code expired: a new charge for the same cart (the picker still says PromptPay).
    requestNewQr: () => { if (!submitting) { submitting = true; payByMethod().finally(() => { submitting = false; }); } },
  });
  if (handled.error) return showError(handled.error.message);
  if (handled.kind === 'redirect') return;
  $('pay-form').hidden = true;
  $('charge-view').hidden = false;
  // Test mode: the sandbox payer stands for the shopper's banking app (or the store's till).
  $('payer').hidden = config.live || handled.kind === 'status';
  $('payer-link').href = `/payer/${encodeURIComponent(order.chargeId)}?lang=${lang()}`;
  $('order-link-a').href = `/complete.html?order=${encodeURIComponent(order.orderId)}&lang=${lang()}`;
  $('order-link').hidden = true;
  document.body.dataset.charge = handled.kind;
  delete document.body.dataset.outcome;
  handled.result.then((outcome) => {
    if (outcome.stopped) return;
    document.body.dataset.outcome = outcome.expired ? 'expired' : outcome.state;
    if (outcome.state !== 'pending') $('payer').hidden = true;
    $('order-link').hidden = outcome.state === 'failed';
  });
}

/** `{ ok: true, body }`, or `{ ok: false, offline }` when the order could not be placed. */
async function createOrder(payment) {
  let res;
  try {
    res = await fetch('/demo/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...payment, amount: cart.amount, currency: cart.currency, lang: lang() }),
    });
  } catch {
    return { ok: false, offline: !navigator.onLine };
  }
  const body = await res.json().catch(() => null);
  if (!res.ok || !body || body.error) return { ok: false, offline: false };
  return { ok: true, body };
}

function fill(number) {
  // As autofill does it: the value arrives in one piece, then `input`.
  const set = (field, value) => {
    const input = document.querySelector(`#card-form .omise-field--${field} input`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
  };
  set('number', number);
  set('expiry', '12 / 30');
  set('security-code', number.startsWith('37') ? '1234' : '123');
  set('name', 'SOMCHAI JAIDEE');
  if (methods.selected !== 'card') methods.select('card');
}

function renderCards() {
  const list = $('card-list');
  list.replaceChildren();
  const t = TEXT[lang()];
  // Two groups, so each label says only what is particular to the card.
  for (const kind of ['ok', 'fail']) {
    const heading = document.createElement('li');
    heading.className = 'test-card-group';
    heading.textContent = t[kind === 'ok' ? 'cards_ok' : 'cards_fail'];
    list.append(heading);
    for (const card of CARDS.filter((c) => c.kind === kind)) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `test-card test-card--${card.kind}`;
      button.dataset.number = card.number;
      const num = document.createElement('span');
      num.className = 'test-card-number';
      num.textContent = `${card.brand} ${card.number.replace(/(\d{4})(?=\d)/g, '$1 ')}`;
      const outcome = document.createElement('span');
      outcome.className = 'test-card-outcome';
      outcome.textContent = t[card.outcome] ?? card.outcome;
      button.append(num, outcome);
      button.addEventListener('click', () => {
        fill(card.number);
        // On a phone the form is above the list: bring it back and say what happened.
        $('card-form').scrollIntoView({ block: 'center', behavior: 'smooth' });
        $('filled').textContent = t.filled.replace('{card}', `${card.brand} •••• ${card.number.slice(-4)}`);
      });
      li.append(button);
      list.append(li);
    }
  }
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    setLang(b.dataset.lang);
    translate();
    renderCards();
    // In place: what the shopper typed and chose stays.
    checkout.setLocale(lang());
    methods.setLocale(lang());
    renderCart();
  });
}
for (const b of document.querySelectorAll('[data-currency]')) {
  b.addEventListener('click', () => {
    cart = CARTS.find((c) => c.currency === b.dataset.currency) ?? cart;
    sessionStorage.setItem('demo-currency', cart.currency);
    // The methods that fit the new cart; the card form and what was typed stay.
    methods.setAmount(cart.amount, cart.currency);
    renderCart();
  });
}
$('pay-form').addEventListener('submit', pay);
translate();
renderCards();
mount();
document.body.dataset.ready = 'true';
