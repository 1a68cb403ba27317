// The demo checkout: mounts the card form, tokenizes (or creates a source), asks the demo
// merchant backend to charge, and sends the customer to 3-D Secure / the bank when needed.
import init, { OmiseCheckout, message } from '/dist/omise_checkout.js';
import { TEXT, CARDS, lang, setLang, translate } from '/demo-i18n.js';

const $ = (id) => document.getElementById(id);

await init();
const config = await (await fetch('/demo/config')).json();
// The cart is the backend's (satang: ฿1,000.00): it charges that total and nothing else.
const { amount: AMOUNT, currency: CURRENCY } = config.cart;
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
let submitting = false;

function mount() {
  checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: lang() });
  form = checkout.mountCardForm('#card-form');
  // Pay stays enabled: tokenize() explains what is missing. While the widget or the order call
  // is busy, the button shows a spinner and "Processing…" and swallows clicks.
  form.bindPayButton($('pay'));
  update();
}

function method() {
  return document.querySelector('input[name="method"]:checked').value;
}

function update() {
  const card = method() === 'card';
  $('card-form').hidden = !card;
  $('bank-note').hidden = card;
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
    if (method() === 'card') await payByCard();
    else await payByBank();
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

async function payByBank() {
  await form.busyWhile((async () => {
    const { source, error } = await checkout.createSource({ type: method(), amount: AMOUNT, currency: CURRENCY });
    if (error) return showError(error.message);
    const order = await createOrder({ source: source.id });
    if (!order.ok) return showError(message(order.offline ? 'offline' : 'order_failed', lang()));
    sessionStorage.setItem('demo-lang', lang());
    const r = checkout.authorize({ status: order.body.status, authorize_uri: order.body.authorizeUri });
    if (r.error) showError(r.error.message);
  })());
}

/** `{ ok: true, body }`, or `{ ok: false, offline }` when the order could not be placed. */
async function createOrder(payment) {
  let res;
  try {
    res = await fetch('/demo/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...payment, amount: AMOUNT, currency: CURRENCY, lang: lang() }),
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
  if (method() !== 'card') {
    document.querySelector('input[name="method"][value="card"]').checked = true;
    update();
  }
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
    // In place: what the shopper typed stays.
    checkout.setLocale(lang());
  });
}
for (const r of document.querySelectorAll('input[name="method"]')) r.addEventListener('change', update);
$('pay-form').addEventListener('submit', pay);
translate();
renderCards();
mount();
document.body.dataset.ready = 'true';
