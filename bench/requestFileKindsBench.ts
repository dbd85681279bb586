/**
 * Speed of the request file kinds (issue 12): per update (one keystroke) on a 5,000-request `.http` file
 * and on a 2 MB Markdown file, parse + diagnostics + the lenses' work as the extension does it (through
 * the memos it keeps per open document), under 20 ms (and a keystroke in the Markdown file's prose,
 * which keeps the previous parse); the same work on a file just opened (no memo yet) is reported; and `activate()` (now registering the gwhttp, http and markdown languages) under 20 ms, timed
 * on the built dist/extension.js with a stub `vscode` (wiring only). The extension-host figures come
 * from test/integration/suite/requestFileKinds.test.ts ("[measure]" lines).
 */
import * as path from 'node:path';

import { parseRequestFile } from '../src/core/files/parseRequestFile';
import { documentDiagnostics } from '../src/core/language/documentDiagnostics';
import { parseMarkdown } from '../src/core/markdown/parseMarkdown';
import { requestSigningHints } from '../src/core/presentation/requestSigningHints';
import { type BenchFigure, printFigures } from './benchFigure';
import { EditorDocument, typedTexts } from './keystrokes';
import { httpFileOf, markdownOf } from './requestFileTexts';
import { installVscodeStub, stub } from './stubVscode';

/** The median and the fastest of `rounds` runs (the fastest is the one least slowed by other processes). */
function timings(run: () => void, rounds: number): { median: number; fastest: number } {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(rounds / 2)], fastest: samples[0] };
}

/** What one update costs: the parse (once per version), diagnostics, and the lens provider's loop. */
function update(fileName: string, text: string): { requests: number; lenses: number } {
  const parsed = parseRequestFile(fileName, text);
  documentDiagnostics(parsed.document, parsed.text, new Set(['host']));
  let lenses = 0;
  for (const request of parsed.document.requests) {
    lenses += requestSigningHints(request).isSigned ? 2 : 1;
  }
  return { requests: parsed.document.requests.length, lenses };
}

/** A figure against the 20 ms goal. */
function goalFigure(name: string, value: number, detail: string): BenchFigure {
  return { name, value: Number(value.toFixed(2)), unit: ' ms', goal: 20, ok: value <= 20, detail };
}

/** A fresh read (a file just opened: no memo yet), reported beside the per-keystroke goal. */
function openFigure(name: string, fileName: string, text: string): BenchFigure {
  const { requests } = update(fileName, text);
  const { median, fastest } = timings(() => update(fileName, text), 21);
  const size = `${(text.length / 1048576).toFixed(2)} MB, ${requests} requests`;
  const detail = `${size}, median of 21, fastest ${fastest.toFixed(2)} ms`;
  return { name, value: Number(median.toFixed(2)), unit: ' ms', goal: null, ok: true, detail };
}

/**
 * Typing `count` characters at `at` (a new line every `lineEvery`th when given), one update each, as the
 * extension does it: the parse and diagnostics through the document's memos, and the lenses' loop.
 */
function keystrokeFigure(name: string, fileName: string, text: string, at: number, lineEvery = 0): BenchFigure {
  const editor = new EditorDocument(fileName);
  editor.update(text, new Set(['host']));
  const samples = typedTexts(text, at, 26, lineEvery).map((edited) => {
    const started = performance.now();
    for (const request of editor.update(edited, new Set(['host'])).document.requests) requestSigningHints(request);
    return performance.now() - started;
  });
  samples.splice(0, 5);
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  return goalFigure(name, median, `median of ${samples.length} keystrokes, fastest ${samples[0].toFixed(2)} ms`);
}

function activation(): BenchFigure {
  installVscodeStub();
  const extension = require(path.resolve(__dirname, '../../dist/extension.js')) as {
    activate: (context: unknown) => { activationMs: number };
  };
  const memento = { get: () => undefined, update: () => Promise.resolve(), keys: () => [] };
  const context = { extensionUri: stub(), workspaceState: memento, globalState: memento, secrets: stub() };
  const samples: number[] = [];
  for (let i = 0; i < 21; i++) samples.push(extension.activate({ ...context, subscriptions: [] }).activationMs);
  const first = samples[0];
  const value = samples.sort((a, b) => a - b)[10];
  const detail = `first call (cold), median of 21 ${value.toFixed(2)} ms; dist/extension.js`;
  return goalFigure('activate() wiring, stub vscode API', first, detail);
}

/** A keystroke in the prose of a 2 MB Markdown file: the previous parse (and so its diagnostics) is kept. */
function proseKeystroke(): BenchFigure {
  const text = markdownOf(2 * 1024 * 1024);
  let previous = parseMarkdown(text);
  let round = 0;
  const { median, fastest } = timings(() => {
    const edited = text.replace('## Endpoint 1\n', `## Endpoint 1 ${round++}\n`);
    const parsed = parseMarkdown(edited, previous);
    for (const request of parsed.document.requests) requestSigningHints(request);
    previous = parsed;
  }, 21);
  return goalFigure(
    '2 MB Markdown file: a keystroke in the prose, lenses per update',
    median,
    `blocks unchanged, so the parse and its diagnostics are reused; median of 21, fastest ${fastest.toFixed(2)} ms`,
  );
}

const http = httpFileOf(5000);
const markdown = markdownOf(2 * 1024 * 1024);
/** Inside the JSON body of the request in the middle of the .http file, and inside an http block of the Markdown file. */
const inHttpBody = http.indexOf('{"n": 2500}') + 1;
const inMarkdownBlock = markdown.indexOf('Accept: application/json', markdown.length / 2) + 'Accept: '.length;

printFigures([
  keystrokeFigure('5,000-request .http file: parse + diagnostics + lenses per keystroke', 'big.http', http, inHttpBody),
  keystrokeFigure(
    '5,000-request .http file: the same, every other keystroke a new line',
    'big.http',
    http,
    inHttpBody,
    2,
  ),
  openFigure('5,000-request .http file: parse + diagnostics + lenses, file just opened (no memo)', 'big.http', http),
  keystrokeFigure(
    '2 MB Markdown file: typing inside an http block, per keystroke',
    'big.md',
    markdown,
    inMarkdownBlock,
  ),
  keystrokeFigure(
    '2 MB Markdown file: the same, every other keystroke a new line',
    'big.md',
    markdown,
    inMarkdownBlock,
    2,
  ),
  openFigure('2 MB Markdown file: parse + diagnostics + lenses, file just opened (no memo)', 'big.md', markdown),
  proseKeystroke(),
  activation(),
]);
