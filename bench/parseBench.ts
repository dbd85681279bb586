/**
 * Parse benchmark. Goals (issue 10; issue 2 asked for 2x): a 10,000-request file parsed within 1.5x of
 * a minimal naive line-splitting parser measured in the same run, and a 200-request file re-parsed in at
 * most 2 ms (median). The naive parser is the floor, not a reader of the format: it takes `?page=1`
 * continuation lines for headers and keeps no directives, variables or diagnostics. Run directly (`npx tsx bench/parseBench.ts`) to print the figures.
 */
import { performance } from 'node:perf_hooks';

import { parseDocument } from '../src/core/parser/parseDocument';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal: string;
  ok: boolean;
}

/** A realistic `.gwhttp` file: titles, directives, file variables, headers, JSON bodies, continuations. */
export function generateRequests(count: number): string {
  const parts = ['@host = api.example.com', '@token = abc123', ''];
  for (let i = 0; i < count; i++) {
    parts.push(`### Request ${i}`, `# @name request${i}`);
    if (i % 4 === 0) parts.push('# @sign tencent-keypair id=AKIDEXAMPLE');
    if (i % 2 === 0) {
      parts.push(
        `POST https://{{host}}/release/orders/${i} HTTP/1.1`,
        'Content-Type: application/json',
        'Accept: application/json',
        'Authorization: Bearer {{token}}',
        '',
        '{',
        `  "sku": "A-${i}",`,
        '  "qty": 2,',
        '  "note": "# not a comment"',
        '}',
        '',
      );
    } else {
      parts.push(
        `GET https://{{host}}/release/orders/${i}`,
        '  ?page=1',
        '  &size=20',
        'Accept: application/json',
        'X-Trace: {{$uuid}}',
        '',
      );
    }
  }
  return parts.join('\n');
}

interface NaiveRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
}

/** The floor: the least a line-splitting parser can do (separators, request line, headers, body). */
export function naiveParse(text: string): NaiveRequest[] {
  const requests: NaiveRequest[] = [];
  let current: NaiveRequest | null = null;
  let inBody = false;
  let body: string[] = [];
  const finish = (): void => {
    if (current) current.body = body.length > 0 ? body.join('\n') : null;
    current = null;
    inBody = false;
    body = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('###')) {
      finish();
      continue;
    }
    if (inBody) {
      body.push(line);
      continue;
    }
    const trimmed = line.trim();
    if (!current) {
      if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || trimmed.startsWith('@')) continue;
      const [method, url] = trimmed.split(' ');
      current = { method, url, headers: [], body: null };
      requests.push(current);
    } else if (trimmed === '') {
      inBody = true;
    } else if (!trimmed.startsWith('#')) {
      const colon = line.indexOf(':');
      current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  finish();
  return requests;
}

/** The parse goal: at most this many times the naive parser's time. */
const ratioGoal = 1.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export async function runParseBench(): Promise<BenchResult[]> {
  const big = generateRequests(10_000);
  const small = generateRequests(200);
  if (parseDocument(big).requests.length !== 10_000 || naiveParse(big).length !== 10_000) {
    throw new Error('parse bench: the generated file does not hold 10,000 requests');
  }
  const ours: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < 3; i++) {
    parseDocument(big);
    naiveParse(big);
  }
  for (let i = 0; i < 21; i++) {
    // Alternate the order, so neither parser always pays for the other's garbage.
    if (i % 2 === 0) naive.push(timeOnce(() => naiveParse(big)));
    ours.push(timeOnce(() => parseDocument(big)));
    if (i % 2 === 1) naive.push(timeOnce(() => naiveParse(big)));
  }
  for (let i = 0; i < 50; i++) parseDocument(small);
  const reparse: number[] = [];
  for (let i = 0; i < 201; i++) reparse.push(timeOnce(() => parseDocument(small)));
  const oursMs = median(ours);
  const naiveMs = median(naive);
  const ratio = oursMs / naiveMs;
  const reparseMs = median(reparse);
  return [
    {
      name: 'parse: 10,000-request file (median of 21)',
      value: round(oursMs),
      unit: 'ms',
      goal: `≤ ${ratioGoal}x naive (${round(naiveMs * ratioGoal)} ms)`,
      ok: ratio <= ratioGoal,
    },
    {
      name: 'parse: naive 30-line parser, same file',
      value: round(naiveMs),
      unit: 'ms',
      goal: 'reference floor',
      ok: true,
    },
    { name: 'parse: ratio to naive', value: round(ratio), unit: 'x', goal: `≤ ${ratioGoal}`, ok: ratio <= ratioGoal },
    {
      name: 'parse: 200-request re-parse (median of 201)',
      value: round(reparseMs),
      unit: 'ms',
      goal: '≤ 2 ms',
      ok: reparseMs <= 2,
    },
  ];
}

if (require.main === module) {
  runParseBench().then(
    (results) => {
      for (const r of results) {
        process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.value} ${r.unit} (goal ${r.goal})\n`);
      }
    },
    (error: unknown) => {
      process.stderr.write(`parse bench failed: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
