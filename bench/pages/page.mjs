// In-page half of the benchmark: driven by bench/run.mjs through playwright-core. Each
// measurement is a function on `window.bench`; timings use performance.now(), which has 5 µs
// resolution here because the bench server sends COOP/COEP (the page is cross-origin isolated).
import init, * as omise from '/dist/omise_checkout.js';
import { cardValidator, Payment } from '/bench/build/vendor.mjs';
import { summarize as stats } from '/bench/stats.mjs';

// Keystroke split (section 3): a keystroke that completes a field moves focus to the next one,
// and that `focus()` call (Chromium's focus change: blur/focus events, style update) is most of
// its cost. To report the widget's own code apart from it, `HTMLElement.prototype.focus` is
// wrapped to time the native call, and the focus-event listeners the widget registers are
// wrapped to time themselves (they are the widget's code, run inside `focus()`). Own code of a
// keystroke = time in the `beforeinput` and `input` dispatches (the widget's handlers, its
// formatting and state; not the event construction nor the edit the harness applies for the
// browser) − (time in `focus()` − time in the widget's focus listeners). The wrappers are on
// only during `keystrokes()` and time only while a keystroke is timed.
const focusTiming = { active: false, calls: 0, ms: 0, handlerMs: 0 };
const FOCUS_EVENTS = new Set(['focus', 'blur', 'focusin', 'focusout']);
const nativeFocus = HTMLElement.prototype.focus;
const nativeAdd = EventTarget.prototype.addEventListener;
const nativeRemove = EventTarget.prototype.removeEventListener;

/** Installs the wrappers; returns the function that takes them off. Used by `keystrokes()`
 * only, from before its form mounts to after it is destroyed: no other section runs with them. */
function timeFocus() {
  const timedListeners = new WeakMap();
  HTMLElement.prototype.focus = function focus(...args) {
    if (!focusTiming.active) return nativeFocus.apply(this, args);
    const t = performance.now();
    try {
      return nativeFocus.apply(this, args);
    } finally {
      focusTiming.ms += performance.now() - t;
      focusTiming.calls += 1;
    }
  };
  EventTarget.prototype.addEventListener = function addEventListener(type, listener, options) {
    if (!FOCUS_EVENTS.has(type) || typeof listener !== 'function') return nativeAdd.call(this, type, listener, options);
    let timed = timedListeners.get(listener);
    if (!timed) {
      timed = function timedListener(event) {
        if (!focusTiming.active) return listener.call(this, event);
        const t = performance.now();
        try {
          return listener.call(this, event);
        } finally {
          focusTiming.handlerMs += performance.now() - t;
        }
      };
      timedListeners.set(listener, timed);
    }
    return nativeAdd.call(this, type, timed, options);
  };
  EventTarget.prototype.removeEventListener = function removeEventListener(type, listener, options) {
    const timed = FOCUS_EVENTS.has(type) && typeof listener === 'function' ? timedListeners.get(listener) : undefined;
    return nativeRemove.call(this, type, timed || listener, options);
  };
  return () => {
    HTMLElement.prototype.focus = nativeFocus;
    EventTarget.prototype.addEventListener = nativeAdd;
    EventTarget.prototype.removeEventListener = nativeRemove;
  };
}

const wasm = await init();
const checkout = new omise.OmiseCheckout({ publicKey: 'pkey_test_bench', vaultUrl: location.origin, apiUrl: location.origin });

const CARDS = [
  '4242424242424242', '4111111111111111', '5555555555554444', '5454545454545454', '3530111333300000',
  '3566111111111113', '378282246310005', '6447032400000000001', '36021042000004', '6250947000000006',
  '4111111111140011', '5555551111110011', '3530111111190011', '2223000048400011',
];

/** A small deterministic PRNG (mulberry32), so every run and every library sees the same inputs. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` inputs like the ones a validator meets: full test cards, cards as formatted or pasted
 * (spaces, dashes), partial numbers while typing, one-digit typos (Luhn failures), random digit
 * strings, and junk with letters.
 */
export function inputs(n, seed = 42) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const card = pick(CARDS);
    const k = r();
    if (k < 0.25) out[i] = card;
    else if (k < 0.40) out[i] = card.replace(/(\d{4})(?=\d)/g, r() < 0.5 ? '$1 ' : '$1-');
    else if (k < 0.65) out[i] = card.slice(0, 1 + Math.floor(r() * (card.length - 1)));
    else if (k < 0.80) {
      const p = Math.floor(r() * card.length);
      out[i] = card.slice(0, p) + String((Number(card[p]) + 1 + Math.floor(r() * 8)) % 10) + card.slice(p + 1);
    } else if (k < 0.95) {
      const len = 12 + Math.floor(r() * 8);
      let s = '';
      for (let j = 0; j < len; j++) s += String(Math.floor(r() * 10));
      out[i] = s;
    } else out[i] = card.slice(0, 6) + pick(['abc', 'x', '🙂', '!!', 'O0']) + card.slice(6);
  }
  return out;
}

function time(fn, data) {
  const t0 = performance.now();
  let valid = 0;
  for (let i = 0; i < data.length; i++) valid += fn(data[i]) ? 1 : 0;
  return { ms: performance.now() - t0, valid };
}

/**
 * Validator throughput: the same inputs through each library, interleaved rounds, best of
 * `rounds` per library (the least disturbed by GC and the shared CPU). Each library answers the
 * same question: is this a valid card number, and which brand.
 */
async function validators(n = 100_000, rounds = 5, fromValidatorsModule = false) {
  // `omise-checkout/validators` when that module is built, else the main module's export.
  let validateCardNumber = omise.validateCardNumber;
  let module = 'omise_checkout.js';
  if (fromValidatorsModule) {
    const v = await import('/dist/omise_checkout_validators.js');
    await v.default();
    validateCardNumber = v.validateCardNumber;
    module = 'omise_checkout_validators.js';
  }
  if (typeof validateCardNumber !== 'function') throw new Error(`validateCardNumber is not exported by dist/${module}`);
  const data = inputs(n);
  const libs = {
    'omise-checkout': (s) => validateCardNumber(s).state === 'valid',
    'card-validator': (s) => cardValidator.number(s).isValid,
    payment: (s) => Payment.fns.cardType(s) !== null && Payment.fns.validateCardNumber(s),
  };
  const best = {};
  const valid = {};
  for (const name of Object.keys(libs)) time(libs[name], data.slice(0, 2000)); // warm-up (JIT)
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(libs)) {
      const { ms, valid: v } = time(fn, data);
      best[name] = Math.min(best[name] ?? Infinity, ms);
      valid[name] = v;
    }
  }
  const result = {};
  for (const name of Object.keys(libs)) {
    result[name] = { ms: best[name], opsPerSec: n / (best[name] / 1000), validCount: valid[name] };
  }
  return { inputs: n, rounds, module, libraries: result };
}

/**
 * Keystroke cost: what a key press costs from the `beforeinput`/`input` events the browser fires
 * to the formatted value in the field and the form state delivered (a `change` listener is
 * registered, as a merchant's would be). The browser's own edit is applied first, untimed, as
 * the browser does before `input`.
 */
function keystrokes(total = 5000) {
  const mount = document.getElementById('mount');
  const untimeFocus = timeFocus();
  const form = checkout.mountCardForm(mount);
  let changes = 0;
  form.on('change', () => { changes += 1; });
  const input = (name) => mount.querySelector(`.omise-field--${name} input`);
  const samples = { type: [], delete: [], paste: [] };
  const inField = [];
  const advancing = [];
  // The split: own code (the `beforeinput` and `input` dispatches, minus the native part of
  // `focus()`), by where the keystroke ends; and for keystrokes that move focus, the `focus()`
  // call itself and the widget's focus listeners inside it.
  const own = { all: [], inField: [], movingFocus: [] };
  const focusCall = [];
  const focusListeners = [];
  const slowest = [];
  // Every keystroke's own-code time with what it did: the own-code tail, grouped (below).
  const ownLog = [];
  let count = 0;

  function key(el, kind, inputType, data, edit) {
    // Bring style and layout up to date first (untimed), as the frame rendered between two real
    // key presses does; otherwise a keystroke that moves focus (which needs layout) would pay
    // for the layout of every keystroke before it.
    void document.body.offsetHeight;
    const focused = document.activeElement;
    focusTiming.ms = 0;
    focusTiming.handlerMs = 0;
    focusTiming.active = true;
    const t0 = performance.now();
    const before = new InputEvent('beforeinput', { inputType, data, bubbles: true, cancelable: true });
    // The two dispatches are timed apart too (`dispatchMs`): the widget's handlers run inside
    // them; the event construction and the browser's edit around them are not its code.
    let d = performance.now();
    const proceed = el.dispatchEvent(before);
    let dispatchMs = performance.now() - d;
    let edited = null;
    const brandBefore = el.closest('.omise-card-form')?.getAttribute('data-brand');
    if (proceed) {
      edit();
      edited = el.value;
      const event = new InputEvent('input', { inputType, data, bubbles: true });
      d = performance.now();
      el.dispatchEvent(event);
      dispatchMs += performance.now() - d;
    }
    const value = el.value; // the formatted value, read back as the page would
    const ms = performance.now() - t0;
    focusTiming.active = false;
    samples[kind].push(ms);
    const focusMoved = document.activeElement !== focused;
    (focusMoved ? advancing : inField).push(ms);
    const ownMs = Math.max(0, dispatchMs - (focusTiming.ms - focusTiming.handlerMs));
    own.all.push(ownMs);
    own[focusMoved ? 'movingFocus' : 'inField'].push(ownMs);
    const reformatted = edited !== null && edited !== value;
    const rebranded = brandBefore !== el.closest('.omise-card-form')?.getAttribute('data-brand');
    ownLog.push({ i: ownLog.length, ownMs, what: `${inputType} ${el.closest('.omise-field')?.className.match(/omise-field--([\w-]+)/)?.[1]}${focusMoved ? ' +focus' : ''}${reformatted ? ' +format' : ''}${rebranded ? ' +brand' : ''}` });
    if (focusTiming.ms > 0) {
      focusCall.push(focusTiming.ms);
      focusListeners.push(focusTiming.handlerMs);
    }
    count += 1;
    // The slowest keystrokes, with what they did, to see where the tail comes from.
    if (slowest.length < 10 || ms > slowest[slowest.length - 1].ms) {
      const field = el.closest('.omise-field')?.className.match(/omise-field--([\w-]+)/)?.[1];
      slowest.push({ ms, ownMs, kind, inputType, field, value: value.replace(/\d/g, '#'), focusMoved });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 10);
    }
    return value;
  }
  const caret = (el) => el.selectionStart ?? el.value.length;
  const type = (el, ch) => key(el, 'type', 'insertText', ch, () => {
    const c = caret(el);
    el.value = el.value.slice(0, c) + ch + el.value.slice(c);
    el.setSelectionRange(c + 1, c + 1);
  });
  const backspace = (el) => key(el, 'delete', 'deleteContentBackward', null, () => {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    const from = start === end ? Math.max(0, start - 1) : start;
    el.value = el.value.slice(0, from) + el.value.slice(end);
    el.setSelectionRange(from, from);
  });
  const paste = (el, text) => key(el, 'paste', 'insertFromPaste', null, () => {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    el.value = el.value.slice(0, start) + text + el.value.slice(end);
    el.setSelectionRange(start + text.length, start + text.length);
  });

  let wrong = 0;
  for (let round = 0; count < total; round++) {
    const card = CARDS[round % CARDS.length];
    const number = input('number');
    form.clear();
    number.focus();
    for (const ch of card) type(number, ch);
    const formatted = number.value;
    if (formatted.replace(/\s/g, '') !== card) wrong += 1;
    for (let i = 0; i < 3; i++) backspace(number);
    for (const ch of card.slice(-3)) type(number, ch);
    // Delete across a separator in the middle, then type the digit back.
    number.setSelectionRange(5, 5);
    backspace(number);
    type(number, card[3]);
    // Select everything and paste a (differently formatted) card over it, then clear it.
    number.setSelectionRange(0, number.value.length);
    paste(number, CARDS[(round + 3) % CARDS.length].replace(/(\d{4})/g, '$1 ').trim());
    number.setSelectionRange(0, number.value.length);
    backspace(number);
    const expiry = input('expiry');
    for (const ch of '1230') type(expiry, ch);
    backspace(expiry);
    type(expiry, '0');
    const code = input('security-code');
    for (const ch of '123') type(code, ch);
  }
  const state = form.state();
  form.destroy();
  untimeFocus();
  const all = [...samples.type, ...samples.delete, ...samples.paste];
  // What the slowest 1% of keystrokes (own code) were doing.
  const tail = [...ownLog].sort((a, b) => b.ownMs - a.ownMs).slice(0, Math.ceil(ownLog.length / 100));
  const tailDeciles = new Array(10).fill(0);
  for (const { i } of tail) tailDeciles[Math.floor((i * 10) / ownLog.length)] += 1;
  // Where in the sequence the tail falls, by tenths: a tail in the first tenth is the page
  // still compiling in the background (typing right after load), not the widget's steady cost.
  const tailByTenth = new Array(10).fill(0);
  for (const { i } of tail) tailByTenth[Math.floor((i * 10) / ownLog.length)] += 1;
  const ownTail = {};
  for (const { what } of tail) ownTail[what] = (ownTail[what] || 0) + 1;
  const byWhat = {};
  for (const { what, ownMs } of ownLog) (byWhat[what] ||= []).push(ownMs);
  const ownByKind = Object.fromEntries(Object.entries(byWhat).map(([w, xs]) => [w, stats(xs)]));
  return {
    ownTail,
    tailByTenth,
    tailDeciles,
    ownByKind,
    keystrokes: all.length,
    changeEvents: changes,
    misformatted: wrong,
    finalState: { number: state.fields.number.state, expiry: state.fields.expiry.state },
    all: stats(all),
    type: stats(samples.type),
    delete: stats(samples.delete),
    paste: stats(samples.paste),
    inField: stats(inField),
    movingFocus: stats(advancing),
    ownCode: {
      all: stats(own.all),
      inField: stats(own.inField),
      movingFocus: stats(own.movingFocus),
      focusCall: stats(focusCall),
      focusListeners: stats(focusListeners),
    },
    slowest,
    timerResolution: crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs',
  };
}

/** `k` mount → a few keystrokes → destroy cycles; resolves after the last `ready`. */
async function cycles(k) {
  const mount = document.getElementById('mount');
  for (let i = 0; i < k; i++) {
    const form = checkout.mountCardForm(mount);
    await new Promise((resolve) => form.on('ready', resolve));
    const number = mount.querySelector('.omise-field--number input');
    number.value = '4242 42';
    number.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: '2', bubbles: true }));
    form.destroy();
  }
  return { wasmMemoryBytes: wasm.memory.buffer.byteLength, children: mount.childElementCount };
}

/**
 * The return page's polling against a charge that stays `pending` for 10 minutes (maxWait
 * 600000), under Playwright's fake clock: run.mjs advances time in small steps and lets each
 * answer arrive before the next step. `window.fetch` is wrapped to count requests and to keep
 * track of the one in flight, so that time only moves while nothing is on the wire.
 */
function instrumentFetch() {
  const original = window.fetch.bind(window);
  window.__fetches = 0;
  window.__last = Promise.resolve();
  window.fetch = (...args) => {
    // Only the status requests count: the first pollStatus also fetches the charge module's
    // wasm (loaded on demand), which is waited for but not counted. The body is read as bytes
    // (a wasm must stay intact) before the response is handed on.
    const url = args[0] instanceof Request ? args[0].url : String(args[0]);
    if (new URL(url, location.href).pathname === '/status') window.__fetches += 1;
    const p = original(...args).then(async (r) => new Response(await r.arrayBuffer(), { status: r.status, statusText: r.statusText, headers: r.headers }));
    window.__last = p.catch(() => {});
    return p;
  };
}

function startPoll(maxWait) {
  instrumentFetch();
  window.__outcome = null;
  const poll = checkout.pollStatus({ statusUrl: '/status', maxWait });
  poll.then((o) => { window.__outcome = o; });
  return true;
}

/** The naive poller merchants write: `setInterval` every second for the same 10 minutes. */
function startNaive(maxWait) {
  instrumentFetch();
  window.__outcome = null;
  const started = Date.now();
  const timer = setInterval(async () => {
    if (Date.now() - started > maxWait) {
      clearInterval(timer);
      window.__outcome = { state: 'pending' };
      return;
    }
    await (await fetch('/status')).json();
  }, 1000);
  fetch('/status');
  return true;
}

async function settled() {
  await window.__last;
  await new Promise((r) => queueMicrotask(r));
  return { fetches: window.__fetches, outcome: window.__outcome };
}

window.bench = { validators, keystrokes, cycles, startPoll, startNaive, settled, ready: true };
