// The demo checkout: mounts the card form, tokenizes (or creates a source), asks the demo
// merchant backend to charge, and sends the customer to 3-D Secure / the bank when needed.
import init, { OmiseCheckout } from '/dist/omise_checkout.js';
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
let busy = false;

function mount() {
  form?.destroy();
  checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: lang() });
  form = checkout.mountCardForm('#card-form');
  form.on('change', update);
  update();
}

function method() {
  return document.querySelector('input[name="method"]:checked').value;
}

function update() {
  const card = method() === 'card';
  $('card-form').hidden = !card;
  $('bank-note').hidden = card;
  $('pay').disabled = busy || (card && !form.state().complete);
}

function showError(text) {
  $('pay-error').textContent = text || '';
}

async function pay(event) {
  event.preventDefault();
  if (busy) return; // a double click creates one order
  busy = true;
  update();
  $('pay').classList.add('busy');
  showError('');
  try {
    let order;
    if (method() === 'card') {
      const { token, error } = await form.tokenize();
      if (error) return; // shown in the form, localized
      order = await createOrder({ token: token.id });
    } else {
      const { source, error } = await checkout.createSource({ type: method(), amount: AMOUNT, currency: CURRENCY });
      if (error) return showError(error.message);
      order = await createOrder({ source: source.id });
    }
    if (!order) return;
    sessionStorage.setItem('demo-lang', lang());
    if (order.authorizeUri) {
      const r = checkout.authorize({ status: order.status, authorize_uri: order.authorizeUri });
      if (r.error) showError(r.error.message);
      return; // the browser is on its way to the authorization page
    }
    if (order.status === 'failed') {
      showError(checkout.statusMessage('failed', order.failureCode).text);
      return;
    }
    location.assign(`/complete.html?order=${encodeURIComponent(order.orderId)}`);
  } finally {
    busy = false;
    $('pay').classList.remove('busy');
    update();
  }
}

async function createOrder(payment) {
  let res;
  try {
    res = await fetch('/demo/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...payment, amount: AMOUNT, currency: CURRENCY, lang: lang() }),
    });
  } catch {
    showError(TEXT[lang()].order_failed);
    return null;
  }
  const body = await res.json().catch(() => null);
  if (!res.ok || !body || body.error) {
    showError(TEXT[lang()].order_failed);
    return null;
  }
  return body;
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

function relabel() {
  translate();
  renderCards();
  mount();
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    setLang(b.dataset.lang);
    relabel();
  });
}
for (const r of document.querySelectorAll('input[name="method"]')) r.addEventListener('change', update);
$('pay-form').addEventListener('submit', pay);
relabel();
document.body.dataset.ready = 'true';
