// The membership page: subscribe with a card (a customer + a monthly schedule at the demo
// backend, sandbox/src/demo_member.rs); then the member's plan, card, status and next charge.
// When a renewal failed (and after the retries the schedule is suspended) it says why, in the
// member's language, and shows the card-update form; the update ends in a clear state.
import init, { OmiseCheckout } from '/dist/omise_checkout.js';
import { TEXT, lang, money, setLang, translate } from '/demo-i18n.js';

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[lang()][key] ?? TEXT.en[key];

// The wasm and the texts of the shopper's language, in parallel.
await init({ locale: lang() });
const config = await (await fetch('/demo/config')).json();
let checkout = null;
let subscribeForm = null;
let updateForm = null;
let member = null;
let notice = '';


function memberId() {
  const id = new URLSearchParams(location.search).get('member') || sessionStorage.getItem('demo-member') || '';
  return /^cust_[A-Za-z0-9_]{1,64}$/.test(id) ? id : '';
}

function remember(id) {
  sessionStorage.setItem('demo-member', id);
  const url = new URL(location.href);
  url.searchParams.set('member', id);
  history.replaceState(null, '', url);
}

async function post(url, body) {
  try {
    const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { ok: r.ok, body: await r.json().catch(() => ({})) };
  } catch {
    return { ok: false, offline: true, body: {} };
  }
}

function render() {
  translate();
  $('plan').textContent = t('plan').replace('{amount}', money(config.cart.amount, config.cart.currency));
  $('subscribe-form').hidden = Boolean(member);
  $('member').hidden = !member;
  $('sandbox-time').hidden = config.live || !member;
  if (!member) return;
  const status = member.schedule?.status ?? 'deleted';
  $('member-status').textContent = t(`status_${status}`) ?? status;
  document.body.dataset.memberStatus = status;
  $('member-card').textContent = member.card ? `${member.card.brand} •••• ${member.card.lastDigits}` : '—';
  $('next-charge').textContent = status === 'suspended' ? '—' : (member.schedule?.nextChargeOn ?? '—');
  $('member-notice').textContent = notice || (member.needsCard ? t('last_payment_failed') : '');
  renderUpdate();
}

/** The card-update form, with the failure it answers (the widget words the reason by code). */
function renderUpdate() {
  const needs = Boolean(member.needsCard && member.failure);
  $('update-form').hidden = !needs;
  document.body.dataset.needsCard = String(needs);
  if (updateForm) { updateForm.destroy(); updateForm = null; }
  if (!needs) return;
  const f = member.failure;
  updateForm = checkout.mountCardForm('#update-card-form', {
    purpose: 'update',
    failure: { code: f.code, amount: f.amount, currency: f.currency, description: f.description },
  });
  updateForm.bindPayButton($('update'));
  $('update-reason').textContent = '';
}

async function load() {
  const id = memberId();
  if (!id) { member = null; return; }
  const r = await fetch(`/demo/members/${encodeURIComponent(id)}`);
  member = r.ok ? await r.json() : null;
}

async function subscribe(event) {
  event.preventDefault();
  const { token, error } = await subscribeForm.tokenize();
  if (error) return; // shown in the form (authorization_failed included, in token-authorization mode)
  const r = await subscribeForm.busyWhile(post('/demo/members', { token: token.id }));
  if (!r.ok) return subscribeForm.showError(r.offline ? 'offline' : 'order_failed');
  subscribeForm.clear();
  member = r.body;
  remember(member.id);
  notice = '';
  render();
  if (!config.live) await showClock();
}

async function update(event) {
  event.preventDefault();
  const { token, error } = await updateForm.tokenize();
  if (error) return;
  const r = await updateForm.busyWhile(post(`/demo/members/${encodeURIComponent(member.id)}/card`, { token: token.id }));
  if (!r.ok) return updateForm.showError(r.offline ? 'offline' : 'order_failed');
  const recovery = r.body.recovery;
  if (recovery && recovery.status !== 'successful') {
    // The new card was declined as well: say why in the form, keep it for another try.
    updateForm.showError({ failure_code: recovery.failureCode });
    $('update-reason').textContent = t('update_failed');
    return;
  }
  member = r.body;
  notice = recovery
    ? t('updated_paid').replace('{amount}', money(recovery.amount, member.plan.currency))
    : t('updated_only');
  document.body.dataset.updated = 'true';
  render();
}

async function showClock(now) {
  const clock = now ?? await (await fetch('/__sandbox/clock')).json();
  $('sandbox-now').textContent = t('sandbox_now').replace('{date}', clock.now.slice(0, 10));
}

async function advanceMonth() {
  $('advance-month').disabled = true;
  try {
    const r = await post('/__sandbox/clock', { advanceDays: 31 });
    if (r.ok) await showClock(r.body);
    notice = '';
    await load();
    render();
  } finally {
    $('advance-month').disabled = false;
  }
}

function mount() {
  checkout = new OmiseCheckout({ publicKey: config.publicKey, vaultUrl: config.vaultUrl, apiUrl: config.apiUrl, locale: lang() });
  subscribeForm = checkout.mountCardForm('#card-form');
  subscribeForm.bindPayButton($('subscribe'));
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    setLang(b.dataset.lang);
    checkout.setLocale(lang());
    render();
    if (!config.live && member) showClock();
  });
}
$('subscribe-form').addEventListener('submit', subscribe);
$('update-form').addEventListener('submit', update);
$('advance-month').addEventListener('click', advanceMonth);

mount();
await load();
render();
if (!config.live && member) await showClock();
document.body.dataset.ready = 'true';
