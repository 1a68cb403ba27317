// The validators playground: formats and validates each field on every input event.
import init, {
  validateCardNumber, formatCardNumber, validateExpiry, formatExpiry, validateSecurityCode, validateName,
} from '/dist/omise_checkout_validators.js';

await init();

const $ = (id) => document.getElementById(id);
const show = (id, result) => {
  const out = $(id);
  out.textContent = JSON.stringify(result);
  out.dataset.state = result.state;
};
let brand = null;

function reformat(input, format) {
  const { value, caret } = format(input.value, input.selectionStart ?? input.value.length);
  if (value !== input.value) {
    input.value = value;
    input.setSelectionRange(caret, caret);
  }
}

$('pg-number').addEventListener('input', (e) => {
  reformat(e.target, formatCardNumber);
  const r = validateCardNumber(e.target.value);
  brand = r.brand;
  show('pg-number-out', r);
});
$('pg-expiry').addEventListener('input', (e) => {
  reformat(e.target, formatExpiry);
  show('pg-expiry-out', validateExpiry(e.target.value));
});
$('pg-code').addEventListener('input', (e) => show('pg-code-out', validateSecurityCode(e.target.value, brand ?? undefined)));
$('pg-name').addEventListener('input', (e) => show('pg-name-out', validateName(e.target.value)));
