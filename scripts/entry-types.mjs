// The init and initSync of a module with its own entry (src/checkout_entry.js,
// src/charge_entry.js, src/status_entry.js): each takes the texts by language (`texts`), and
// init the language to load first (`locale`).
//   node scripts/entry-types.mjs checkout|charge|status <module>.d.ts
// Rewrites wasm-bindgen's two declarations in place and fails if they are not found as expected.
import { readFileSync, writeFileSync } from 'node:fs';

const [kind, file] = process.argv.slice(2);
let types = readFileSync(file, 'utf8');
const replace = (pattern, text) => {
  if (!pattern.test(types)) throw new Error(`entry-types: ${pattern} not found in ${file}`);
  types = types.replace(pattern, text);
};
const SYNC = /export function initSync\(module: .*\): InitOutput;/;
const INIT = /export default function __wbg_init \(module_or_path\?: .*\): Promise<InitOutput>;/;
const PACKAGE = { checkout: 'texts', charge: 'charge-texts', status: 'status-texts' }[kind];
if (!PACKAGE) throw new Error(`entry-types: checkout, charge or status, not ${kind}`);
const TEXT = kind === 'checkout' ? 'string' : 'string | undefined';
replace(SYNC, `export function initSync(module: { module: SyncInitInput; texts?: Texts } | SyncInitInput): InitOutput;`);
replace(
  INIT,
  `export default function __wbg_init (module_or_path?: { module_or_path?: InitInput | Promise<InitInput>; locale?: string; texts?: Texts } | InitInput | Promise<InitInput>): Promise<InitOutput>;`,
);
types += `
/** The module's texts, by language: each \`import en from 'omise-checkout/${PACKAGE}/en'\` (and
 * \`ja\`, \`th\`). \`init\` loads the one it needs itself (\`locale\`, else the browser's
 * language); a language shown later is loaded then.${kind === 'charge' ? ' (On the checkout page the checkout module hands this module its own.)' : ''} */
export type Texts = { en?: ReadonlyArray<${TEXT}>; ja?: ReadonlyArray<${TEXT}>; th?: ReadonlyArray<${TEXT}> };
`;
writeFileSync(file, types);
