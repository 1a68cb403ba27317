// Compiles against the package's generated declarations (tsc --noEmit, strict).
import init, { OmiseCheckout, validateCardNumber, statusMessage, type CardFormState, type TokenResult } from 'omise-checkout';

await init();
const checkout = new OmiseCheckout({ publicKey: 'pkey_test_123', locale: 'ja', timeoutMs: 10_000 });
const form = checkout.mountCardForm('#card', { billing: ['postalCode'], clearAfterToken: true });
const state: CardFormState = form.state();
const brand: string | null = state.brand;
const complete: boolean = state.complete && state.fields.number.state === 'valid';
const result: TokenResult = await form.tokenize();
if (result.error) {
  const field: string | undefined = result.error.field;
  console.log(result.error.code, result.error.message, field);
} else {
  const id: string = result.token.id;
  console.log(id, result.token.card.last_digits);
}
const outcome = await checkout.pollStatus({ statusUrl: '/orders/1/status', maxWait: 600_000 });
const final: 'succeeded' | 'failed' | 'pending' = outcome.state;
const v = validateCardNumber('4242');
const s: 'valid' | 'incomplete' | 'invalid' = v.state;
console.log(brand, complete, final, s, statusMessage('failed', 'insufficient_fund', 'th').text);
form.destroy();
