// The sandbox as Omise's official Node client (npm `omise`, an exact devDependency) sees it:
// every flow a merchant's server runs, against a sandbox process this file starts and stops.
//
// The client has `host`/`vaultHost`/`scheme` options but no port, and it builds its requests
// with Node's default agent (node_modules/omise/lib/api.js: http.request({host, path, …}) with
// no agent unless http_proxy is set). So the test installs a default agent whose connections
// go to the sandbox's port; the library's files are untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import { startSandbox } from '../sandbox-process.mjs';

const require = createRequire(import.meta.url);
const Omise = require('omise');
const PKEY = 'pkey_test_sandbox0000000000';
const SKEY = 'skey_test_sandbox0000000000';

let sandbox;
let base;
let omise;

before(async () => {
  sandbox = await startSandbox();
  base = sandbox.url;
  const port = Number(new URL(base).port);
  delete process.env.http_proxy;
  delete process.env.OMISE_SCHEME;
  class SandboxAgent extends http.Agent {
    createConnection(_options, callback) {
      return net.createConnection({ host: '127.0.0.1', port }, callback);
    }
  }
  http.globalAgent = new SandboxAgent({ keepAlive: false });
  omise = Omise({
    publicKey: PKEY, secretKey: SKEY, host: '127.0.0.1', vaultHost: '127.0.0.1', scheme: 'http', omiseVersion: '2019-05-29',
  });
});

after(() => {
  http.globalAgent.destroy();
  sandbox?.stop();
});

const CARD = { name: 'Somchai Prasert', expiration_month: 12, expiration_year: 2031, security_code: '123', city: 'Bangkok', postal_code: '10320' };
const token = async (number) => (await omise.tokens.create({ card: { ...CARD, number } })).id;

/** The sandbox controls (not part of the Omise API): plain fetch. */
const control = async (path, body) => (await fetch(base + path, {
  method: body ? 'POST' : 'GET', headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
})).json();

/** The client rejects with the Omise error object. */
async function rejects(promise, code) {
  await assert.rejects(promise, (e) => e.object === 'error' && e.code === code || assert.fail(`expected ${code}, got ${JSON.stringify(e)}`));
}

test('tokens: create at the vault host, retrieve with charge_status', async () => {
  const t = await omise.tokens.create({ card: { ...CARD, number: '4242424242424242' } });
  assert.match(t.id, /^tokn_test_/);
  assert.equal(t.card.last_digits, '4242');
  assert.equal(t.card.city, 'Bangkok');
  assert.equal((await omise.tokens.retrieve(t.id)).charge_status, 'unknown');
  await rejects(omise.tokens.create({ card: { ...CARD, number: '4242424242424241' } }), 'invalid_card');
});

test('charges: create, retrieve, list (paged), update', async () => {
  const c = await omise.charges.create({ amount: 10000, currency: 'thb', card: await token('4242424242424242'), description: 'Tea', metadata: { order: '1' } });
  assert.equal(c.status, 'successful');
  assert.equal(c.paid, true);
  assert.equal(typeof c.refundable, 'boolean');
  assert.equal((await omise.charges.retrieve(c.id)).id, c.id);
  await omise.charges.create({ amount: 20000, currency: 'thb', card: await token('4242424242424242') });
  const page = await omise.charges.list({ limit: 1, order: 'reverse_chronological' });
  assert.equal(page.object, 'list');
  assert.equal(page.limit, 1);
  assert.ok(page.total >= 2);
  assert.equal(page.data.length, 1);
  const u = await omise.charges.update(c.id, { description: 'Green tea', metadata: { gift: 'yes' } });
  assert.equal(u.description, 'Green tea');
  assert.deepEqual(u.metadata, { order: '1', gift: 'yes' });
  await rejects(omise.charges.retrieve('chrg_test_nope'), 'not_found');
  await rejects(omise.charges.create({ amount: 10, currency: 'thb', card: await token('4242424242424242') }), 'invalid_charge');
});

test('charges: capture=false, partial capture; reverse', async () => {
  const auth = await omise.charges.create({ amount: 10000, currency: 'thb', card: await token('4242424242424242'), capture: false });
  assert.deepEqual([auth.authorized, auth.paid, auth.capturable, auth.status], [true, false, true, 'pending']);
  const captured = await omise.charges.capture(auth.id, { capture_amount: 4000 });
  assert.deepEqual([captured.status, captured.paid, captured.funding_amount], ['successful', true, 4000]);
  await rejects(omise.charges.capture(auth.id), 'failed_capture');
  const other = await omise.charges.create({ amount: 10000, currency: 'thb', card: await token('4242424242424242'), capture: false });
  const reversed = await omise.charges.reverse(other.id);
  assert.deepEqual([reversed.status, reversed.reversed], ['reversed', true]);
});

test('charges: 3-D Secure through authorize_uri, and expire', async () => {
  const c = await omise.charges.create({ amount: 10000, currency: 'thb', card: await token('4111111111111111'), return_uri: 'http://shop.test/done' });
  assert.equal(c.status, 'pending');
  const page = await fetch(c.authorize_uri, { method: 'POST', body: 'decision=authorize', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(page.status, 303);
  assert.equal((await omise.charges.retrieve(c.id)).status, 'successful');
  const pending = await omise.charges.create({ amount: 10000, currency: 'thb', card: await token('4111111111111111'), return_uri: 'http://shop.test/done' });
  const expired = await omise.charges.expire(pending.id);
  assert.deepEqual([expired.status, expired.expired], ['expired', true]);
});

test('refunds: create, list, retrieve; settle as sandbox time passes', async () => {
  const c = await omise.charges.create({ amount: 10000, currency: 'thb', card: await token('4242424242424242') });
  const r = await omise.charges.createRefund(c.id, { amount: 2500, metadata: { reason: 'damaged' } });
  assert.deepEqual([r.object, r.status, r.amount, r.charge], ['refund', 'pending', 2500, c.id]);
  const list = await omise.charges.listRefunds(c.id);
  assert.equal(list.total, 1);
  await control('/__sandbox/clock', { advanceSeconds: 61 });
  assert.equal((await omise.charges.retrieveRefund(c.id, r.id)).status, 'successful');
  const after = await omise.charges.retrieve(c.id);
  assert.deepEqual([after.refunded_amount, after.refundable], [2500, true]);
  await rejects(omise.charges.createRefund(c.id, { amount: 9000 }), 'failed_refund');
});

test('customers and cards: create, update adds a default card, list, cards, destroy', async () => {
  const cust = await omise.customers.create({ email: 'somchai@shop.test', description: 'Regular', card: await token('4242424242424242') });
  assert.match(cust.id, /^cust_test_/);
  assert.equal(cust.cards.total, 1);
  const updated = await omise.customers.update(cust.id, { card: await token('5555555555554444') });
  assert.equal(updated.cards.total, 2);
  assert.notEqual(updated.default_card, cust.default_card);
  assert.equal((await omise.customers.retrieve(cust.id)).email, 'somchai@shop.test');
  assert.ok((await omise.customers.list({ limit: 5 })).total >= 1);
  const cards = await omise.customers.listCards(cust.id);
  assert.equal(cards.data.length, 2);
  const card = await omise.customers.retrieveCard(cust.id, cust.default_card);
  assert.equal(card.last_digits, '4242');
  assert.equal((await omise.customers.updateCard(cust.id, card.id, { name: 'S. Prasert' })).name, 'S. Prasert');
  const charge = await omise.charges.create({ amount: 5000, currency: 'thb', customer: cust.id });
  assert.deepEqual([charge.status, charge.customer, charge.card.last_digits], ['successful', cust.id, '4444']);
  assert.equal((await omise.customers.destroyCard(cust.id, card.id)).deleted, true);
  assert.equal((await omise.customers.destroy(cust.id)).deleted, true);
  await rejects(omise.customers.retrieve(cust.id), 'not_found');
  const used = await token('4242424242424242');
  await omise.customers.create({ card: used });
  await rejects(omise.customers.create({ card: used }), 'used_token');
});

test('schedules: daily charges as sandbox time passes; a failing card is retried, then suspended', async () => {
  const now = (await control('/__sandbox/clock')).now.slice(0, 10);
  const day = (n) => new Date(Date.parse(now) + n * 86_400_000).toISOString().slice(0, 10);
  const good = await omise.customers.create({ card: await token('4242424242424242') });
  const s = await omise.schedules.create({ every: 1, period: 'day', start_date: day(0), end_date: day(20),
    charge: { customer: good.id, amount: 5000, description: 'Daily' } });
  assert.deepEqual([s.object, s.period, s.occurrences.total], ['schedule', 'day', 1]);
  const bad = await omise.customers.create({ card: await token('4111111111140011') });
  const weekday = new Date(Date.parse(now)).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }).toLowerCase();
  const weekly = await omise.schedules.create({ every: 1, period: 'week', on: { weekdays: [weekday] },
    start_date: day(0), end_date: day(120), charge: { customer: bad.id, amount: 5000 } });
  assert.equal(weekly.occurrences.data[0].status, 'failed');
  await control('/__sandbox/clock', { advanceDays: 2 });
  assert.equal((await omise.schedules.retrieve(s.id)).occurrences.total, 3);
  assert.equal((await omise.customers.schedules(good.id)).total, 1);
  assert.ok((await omise.charges.schedules()).total >= 2);
  const w = await omise.schedules.retrieve(weekly.id);
  assert.equal(w.status, 'suspended');
  const failed = await omise.search.list({ scope: 'charge', 'filters[failure_code]': 'insufficient_fund' });
  assert.equal(failed.total, 3);
  assert.equal((await omise.schedules.destroy(s.id)).status, 'deleted');
});

test('search, events, sources, account, balance, capability', async () => {
  await omise.charges.create({ amount: 10000, currency: 'thb', card: await token('4111111111130012') });
  const found = await omise.search.list({ scope: 'charge', 'filters[status]': 'failed', per_page: 1 });
  assert.deepEqual([found.object, found.scope, found.per_page], ['search', 'charge', 1]);
  assert.ok(found.total >= 1);
  const events = await omise.events.list({ limit: 3 });
  assert.equal(events.object, 'list');
  assert.equal((await omise.events.retrieve(events.data[0].id)).object, 'event');
  const src = await omise.sources.create({ type: 'promptpay', amount: 2000, currency: 'thb' });
  assert.equal((await omise.sources.retrieve(src.id)).flow, 'offline');
  const inline = await omise.charges.create({ amount: 2000, currency: 'thb', source: { type: 'promptpay' } });
  assert.equal(inline.source.type, 'promptpay');
  assert.equal((await omise.account.retrieve()).object, 'account');
  assert.equal((await omise.balance.retrieve()).object, 'balance');
  const cap = await omise.capability.retrieve();
  assert.ok(cap.payment_methods.some((m) => m.name === 'card' && m.card_brands.includes('Visa')));
});
