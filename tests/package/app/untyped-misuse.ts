// Must NOT compile: the declarations are real types, not `any`.
import { OmiseCheckout } from 'omise-checkout';
new OmiseCheckout({ publicKey: 42 });
