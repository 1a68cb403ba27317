// The charge module's init and initSync as src/charge_entry.js defines them: both take the
// texts (`texts`), initSync requires them. Rewrites wasm-bindgen's two declarations in place
// and fails if they are not found as expected.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
let types = readFileSync(file, 'utf8');
const replace = (pattern, text) => {
  if (!pattern.test(types)) throw new Error(`charge-types: ${pattern} not found in ${file}`);
  types = types.replace(pattern, text);
};
replace(
  /export function initSync\(module: .*\): InitOutput;/,
  `export function initSync(module: { module: SyncInitInput; texts: Texts }): InitOutput;`,
);
replace(
  /export default function __wbg_init \(module_or_path\?: .*\): Promise<InitOutput>;/,
  `export default function __wbg_init (module_or_path?: { module_or_path?: InitInput | Promise<InitInput>; texts?: Texts } | InitInput | Promise<InitInput>): Promise<InitOutput>;`,
);
types += `
/** The module's texts: \`import texts from 'omise-checkout/charge-texts'\` (init fetches them
 * itself; the checkout module hands over its own). */
export type Texts = ReadonlyArray<ReadonlyArray<string | undefined>> | ((locale: number, message: number) => string | undefined);
`;
writeFileSync(file, types);
