// The shop's back office: recent orders, each with Refund full / Refund ฿100.00 (seed 004: a
// full refund without an amount, a partial one with it). The refund is `pending` until the
// card network settles it; the customer's order page (complete.html) shows each refund.
import { TEXT, lang, money, setLang, translate } from '/demo-i18n.js';

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[lang()][key] ?? TEXT.en[key];
// ฿100.00 in satang; ¥100 for a yen order.
const partial = (currency) => (currency === 'jpy' ? 100 : 10000);

async function refund(order, amount) {
  $('admin-error').textContent = '';
  const body = amount ? { amount } : {};
  const r = await fetch(`/demo/admin/orders/${encodeURIComponent(order.orderId)}/refunds`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }).catch(() => null);
  const answer = r ? await r.json().catch(() => ({})) : {};
  if (!r || !r.ok) {
    $('admin-error').textContent = t('refund_error').replace('{message}', answer.message ?? 'network error');
  }
  await load();
}

function row(order) {
  const li = document.createElement('li');
  li.className = 'order-row';
  li.dataset.order = order.orderId;
  const line = document.createElement('div');
  line.className = 'line';
  const id = document.createElement('span');
  id.textContent = `${order.orderId} · ${order.status}`;
  const amount = document.createElement('strong');
  amount.textContent = money(order.amount, order.currency);
  line.append(id, amount);
  li.append(line);
  if (order.refundedAmount) {
    const refunded = document.createElement('p');
    refunded.className = 'note refunded';
    refunded.textContent = `${t('refunded')}: ${money(order.refundedAmount, order.currency)}`;
    li.append(refunded);
  }
  const buttons = document.createElement('div');
  buttons.className = 'refund-buttons';
  for (const [key, amountOf] of [['refund_full', null], ['refund_100', partial(order.currency)]]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = key === 'refund_full' ? 'refund-full' : 'refund-partial';
    b.textContent = t(key).replace('{amount}', money(amountOf ?? 0, order.currency));
    b.disabled = !order.refundable;
    b.addEventListener('click', async () => {
      b.disabled = true;
      await refund(order, amountOf);
    });
    buttons.append(b);
  }
  li.append(buttons);
  return li;
}

async function load() {
  const r = await fetch('/demo/admin/orders');
  const { orders = [] } = r.ok ? await r.json() : {};
  $('orders').replaceChildren(...orders.map(row));
  $('no-orders').hidden = orders.length > 0;
  document.body.dataset.ready = 'true';
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => { setLang(b.dataset.lang); translate(); load(); });
}
translate();
await load();
