#!/usr/bin/env node
'use strict';
// Reads the output of `npm test` and prints one line per test stage plus the closing total
// `N passed, N failed` (unit: mocha's "N passing/failing"; grammar: vscode-tmgrammar-test's ✓/✖ lines;
// host: run-ext-tests.sh's line per level, ext-host / ui / ext-host-untrusted / ext-host-vscode-1.90). A non-zero exit with no
// failure counted counts as one.
//   node tools/vscode-host/ci-summary.js NPM_TEST_LOG EXIT_STATUS
const fs = require('node:fs');

function summarise(text, status) {
  const lines = text.split(/\r?\n/);
  const stages = [];
  // The first mocha summary in the log is the unit run (the host summaries come after "run-ext-tests.sh").
  const unitPart = text.split('run-ext-tests.sh')[0];
  if (/\d+ passing/.test(unitPart)) {
    const unit = (re) => Number((re.exec(unitPart) || [])[1] || 0);
    stages.push({ name: 'unit', passed: unit(/(\d+) passing/), failed: unit(/(\d+) failing/) });
  }
  const grammarPassed = lines.filter((l) => /^✓ .* run successfuly/.test(l)).length;
  // vscode-tmgrammar-test's failure lines only (eslint's "✖ 1 problem" summary is not a grammar test).
  const grammarFailed = lines.filter((l) => /^✖ (testcase .* aborted due to an error|.* failed)$/.test(l)).length;
  if (grammarPassed + grammarFailed > 0) stages.push({ name: 'grammar', passed: grammarPassed, failed: grammarFailed });
  // One line per harness level (`ext-host: …`, `ui: …`, `ext-host-untrusted: …`); test:host runs the
  // harness twice (the second time with --untrusted), so levels are summed by name over both runs.
  const hostPart = text.includes('run-ext-tests.sh') ? text.slice(text.indexOf('run-ext-tests.sh')) : '';
  for (const line of hostPart.split(/\r?\n/)) {
    const match = /^(ext-host(?:-untrusted)?(?:-[\w.-]+)?|ui): (\d+) passed, (\d+) failed/.exec(line);
    if (!match) continue;
    let stage = stages.find((s) => s.name === match[1]);
    if (!stage) stages.push((stage = { name: match[1], passed: 0, failed: 0 }));
    stage.passed += Number(match[2]);
    stage.failed += Number(match[3]);
  }
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  let failed = stages.reduce((n, s) => n + s.failed, 0);
  if (status !== 0 && failed === 0) failed = 1;
  return { stages, passed, failed };
}

const [file, statusText] = process.argv.slice(2);
const { stages, passed, failed } = summarise(fs.readFileSync(file, 'utf8'), Number(statusText || 0));
for (const s of stages) console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
