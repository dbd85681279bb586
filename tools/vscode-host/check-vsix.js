#!/usr/bin/env node
'use strict';
// Checks a packaged VSIX: it holds only the runtime files (dist/ without source maps, syntaxes/*.json, the
// manifest, README, LICENSE, plus vsce's own metadata) and stays under a size budget.
//   node tools/vscode-host/check-vsix.js FILE.vsix [--max-kb 300]      exit 0 ok, 1 problems, 2 usage
const fs = require('node:fs');
const { parseArgs } = require('node:util');

const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/dist\/.+\.(js|css|html|svg|png)$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
];

/** File names and sizes from the ZIP central directory (no dependency: the format is simple). */
function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a ZIP file (no end-of-central-directory record)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function main(argv) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'max-kb': { type: 'string', default: '300' } } });
  if (positionals.length !== 1) {
    process.stderr.write('usage: check-vsix.js FILE.vsix [--max-kb 300]\n');
    return 2;
  }
  const file = positionals[0];
  const buffer = fs.readFileSync(file);
  const entries = zipEntries(buffer);
  const problems = [];
  for (const e of entries) {
    console.log(`${String(e.size).padStart(9)}  ${e.name}`);
    if (!ALLOWED.some((re) => re.test(e.name))) problems.push(`unexpected file in the VSIX: ${e.name}`);
  }
  for (const required of ['extension/package.json', 'extension/dist/extension.js']) {
    if (!entries.some((e) => e.name === required)) problems.push(`missing from the VSIX: ${required}`);
  }
  const kb = buffer.length / 1024;
  const maxKb = Number(values['max-kb']);
  console.log(`${file}: ${entries.length} files, ${kb.toFixed(1)} KB (budget ${maxKb} KB)`);
  if (kb > maxKb) problems.push(`the VSIX is ${kb.toFixed(1)} KB, over the ${maxKb} KB budget`);
  for (const p of problems) console.error(`check-vsix: ${p}`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
