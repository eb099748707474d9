// Replaces the bodies of the wasm functions whose names match a pattern with `unreachable`, so
// that wasm-opt then drops everything only they called. For code that is linked in but never run:
//   node scripts/snip_wasm.mjs FILE.wasm PATTERN [EXCEPT]
// The file must still have its function names (wasm-bindgen --keep-debug). Fails when nothing
// matches, rather than quietly leave the file as it was.

import binaryen from '../node_modules/binaryen/index.js';
import { readFileSync, writeFileSync } from 'node:fs';

const [file, pattern, except] = process.argv.slice(2);
if (!file || !pattern) {
  console.error('usage: node scripts/snip_wasm.mjs FILE.wasm PATTERN [EXCEPT]');
  process.exit(2);
}
const matches = new RegExp(pattern);
const spared = except ? new RegExp(except) : null;

const module = binaryen.readBinary(readFileSync(file));
// The features rustc enables for wasm32 by default, as wasm-opt is told in scripts/optimize_wasm.
const { Features } = binaryen;
module.setFeatures(Features.BulkMemory | Features.NontrappingFPToInt | Features.SignExt
  | Features.MutableGlobals | Features.ReferenceTypes | Features.Multivalue);
let snipped = 0;
for (let index = 0; index < module.getNumFunctions(); index += 1) {
  const func = module.getFunctionByIndex(index);
  const { name, body } = binaryen.getFunctionInfo(func);
  if (body && matches.test(name) && !spared?.test(name)) {
    binaryen.Function.setBody(func, module.unreachable());
    snipped += 1;
  }
}
if (snipped === 0) {
  console.error(`snip_wasm: no function of ${file} matches /${pattern}/: are its names kept?`);
  process.exit(1);
}
writeFileSync(file, module.emitBinary());
console.log(`snip_wasm: ${snipped} functions matching /${pattern}/ now trap`);
