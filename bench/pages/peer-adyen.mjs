// The Adyen peer of cold.mjs: import the package (bundled and minified by bench/run.mjs with
// esbuild, as a merchant's bundler would: AdyenCheckout + Card only, plus adyen.css), create
// the checkout with an offline-capable configuration (a paymentMethodsResponse given inline,
// no session, analytics off, en-US whose texts ship in the bundle), mount the Card component,
// and stop when the card form has rendered and its first secured-field iframe (the card number)
// is in the page. Not measured: the loading of the secured-field iframes (securedFields.html
// and its script from Adyen's CDN, unreachable here; Adyen inserts the expiry and security-code
// iframes only once the one before has loaded, so offline only the first ever appears and the
// form keeps its loading spinner), the device-fingerprint iframe, the brand images, the
// analytics call, and Adyen's `onConfigSuccess` (the fields are usable) that needs all three
// iframes. So this is a lower bound of Adyen's time to a usable card form. Reports like
// cold.mjs.
const t0 = performance.now();
const report = (result) => console.log(`bench:result ${JSON.stringify(result)}`);
try {
  const { AdyenCheckout, Card } = await import('/bench/build/peers/adyen.js');
  const t1 = performance.now();
  const checkout = await AdyenCheckout({
    environment: 'test',
    clientKey: 'test_BENCHBENCHBENCHBENCHBENCHBENC',
    countryCode: 'TH',
    locale: 'en-US',
    amount: { value: 100000, currency: 'THB' },
    paymentMethodsResponse: { paymentMethods: [{ type: 'scheme', name: 'Cards', brands: ['visa', 'mc', 'amex', 'jcb'] }] },
    analytics: { enabled: false },
    onSubmit: () => {},
    onAdditionalDetails: () => {},
    onError: () => {},
  });
  const t2 = performance.now();
  const mount = document.getElementById('mount');
  new Card(checkout).mount(mount);
  const t3 = performance.now();
  // The card form has rendered and holds its first secured-field iframe.
  const rendered = () => mount.querySelector('.adyen-checkout__card-input [data-cse] iframe') !== null;
  const done = (timedOut) => {
    const t4 = performance.now();
    const pageStart = window.__benchPageStart ?? 0;
    report({
      pageStart, start: t0, import: t1 - t0, init: t2 - t1, mount: t3 - t2, render: t4 - t3, total: t4 - t0, sinceNavigation: t4,
      sincePage: t4 - pageStart, iframes: mount.querySelectorAll('iframe').length, timedOut,
    });
  };
  if (rendered()) done(false);
  else {
    const observer = new MutationObserver(() => {
      if (rendered()) { observer.disconnect(); clearTimeout(timer); done(false); }
    });
    observer.observe(mount, { childList: true, subtree: true });
    const timer = setTimeout(() => { observer.disconnect(); done(true); }, 5000);
  }
} catch (e) {
  report({ error: String(e && e.stack || e) });
}
