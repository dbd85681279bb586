/* global process, console, URL */
// Generates syntaxes/gwhttp.tmLanguage.json from the readable definition in gwhttpGrammar.mjs.
//   node syntaxes/source/buildGrammar.mjs           write the JSON (run after editing the definition)
//   node syntaxes/source/buildGrammar.mjs --check   exit 1 when the shipped JSON is out of date
// (test/unit/language/grammarIsGenerated.test.ts runs the check.)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { grammar } from './gwhttpGrammar.mjs';

const target = fileURLToPath(new URL('../gwhttp.tmLanguage.json', import.meta.url));
const rendered = `${JSON.stringify(grammar, null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== rendered) {
    console.error(`${target} is out of date: run node syntaxes/source/buildGrammar.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
