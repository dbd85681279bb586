/**
 * Editor-side speed goals (issue 5), in plain Node: the work one keystroke triggers on a 1,000-request
 * file (parse + signing and variable diagnostics, as the extension runs it: through the memos it keeps per
 * document, so an edit parses and checks again only the regions it touched) under 10 ms, and building
 * the panel's model for a 10 MiB JSON response under 50 ms (the body is offered for an editor, not
 * rendered). The extension-host figures come from test/integration/suite (lines starting "[measure]").
 */
import { documentDiagnostics } from '../src/core/language/documentDiagnostics';
import { parseDocument } from '../src/core/parser/parseDocument';
import { buildResponseViewModel } from '../src/core/presentation/buildResponseViewModel';
import { Redactor } from '../src/core/redaction';
import { renderResponse } from '../src/webview/renderResponse';
import { EditorDocument, typedTexts } from './keystrokes';

function median(run: () => void, rounds: number): number {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

function report(name: string, value: number, goal: number): void {
  process.stdout.write(`${value <= goal ? 'ok  ' : 'FAIL'} ${name}: ${value.toFixed(2)} ms (goal ≤ ${goal} ms)\n`);
}

const text = Array.from(
  { length: 1000 },
  (_, i) =>
    `### Request ${i}\n# @sign tencent-keypair id=AKIDbench0000\nPOST http://127.0.0.1:9/orders/${i}\nContent-Type: application/json\nX-Date: {{$datetime rfc1123}}\n\n{"n": ${i}}\n`,
).join('\n');
/** Median and fastest of one run per text (after a few to warm up), each text following the one before. */
function perText(texts: readonly string[], run: (text: string) => void): { median: number; fastest: number } {
  const samples = texts.map((edited) => {
    const started = performance.now();
    run(edited);
    return performance.now() - started;
  });
  samples.splice(0, 5);
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], fastest: samples[0] };
}

const editor = new EditorDocument('bench.gwhttp');
editor.update(text, new Set());
// Typing into the JSON body of the request in the middle of the file, one character per update.
const typing = perText(typedTexts(text, text.indexOf('{"n": 500}') + 1, 36), (edited) => {
  editor.update(edited, new Set());
});
report(
  `1,000-request file: parse + diagnostics per keystroke (median; fastest ${typing.fastest.toFixed(2)} ms)`,
  typing.median,
  10,
);
const lines = perText(typedTexts(text, text.indexOf('{"n": 500}') + 1, 36, 2), (edited) => {
  editor.update(edited, new Set());
});
report(
  `1,000-request file: the same, every other keystroke a new line (median; fastest ${lines.fastest.toFixed(2)} ms)`,
  lines.median,
  10,
);
process.stdout.write(
  `info 1,000-request file: a fresh parse + diagnostics, no memo (file opened; median): ${median(() => {
    documentDiagnostics(parseDocument(text), text, new Set());
  }, 31).toFixed(2)} ms (reported, no goal)\n`,
);

const big = Buffer.from(
  JSON.stringify({
    items: Array.from({ length: 215_000 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b'] })),
  }),
);
const exchange = {
  id: 1,
  title: 'Big',
  source: 'big.gwhttp:1',
  environment: null,
  sentAt: new Date(0),
  signing: null,
  throttle: null,
  explanation: null,
  redactor: new Redactor(),
  request: { method: 'GET', url: 'http://127.0.0.1/big', headers: [], body: null },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    body: big,
    bodyText: big.subarray(0, 2 * 1024 * 1024).toString('utf8'),
    bodyTruncated: true,
    size: big.length,
    contentType: 'application/json',
    timings: { dnsMs: 0, connectMs: 1, tlsMs: 0, firstByteMs: 2, downloadMs: 30, totalMs: 33 },
  },
};
report(
  `${(big.length / 1048576).toFixed(1)} MiB JSON response: view model + panel tree (median)`,
  median(() => {
    renderResponse(buildResponseViewModel(exchange), { tab: 'body', bodyMode: 'pretty', cards: {} });
  }, 15),
  50,
);

const inline = Buffer.from(
  JSON.stringify({ items: Array.from({ length: 18_000 }, (_, i) => ({ id: i, name: `item-${i}` })) }),
);
report(
  `${(inline.length / 1048576).toFixed(2)} MiB JSON response rendered inline: view model (pretty) + panel tree (median)`,
  median(() => {
    renderResponse(
      buildResponseViewModel({
        ...exchange,
        response: {
          ...exchange.response,
          body: inline,
          bodyText: inline.toString('utf8'),
          bodyTruncated: false,
          size: inline.length,
        },
      }),
      { tab: 'body', bodyMode: 'pretty', cards: {} },
    );
  }, 15),
  50,
);
