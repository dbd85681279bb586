/**
 * Parallel send speed (issue 16): `gwhttp send --parallel 8` (in process, human output to a sink) over
 * 200 requests to a loopback stub, against a bare `node:http` loop with 8 keep-alive sockets and 8
 * requests at a time in the same process (goal: within 1.3x, the median of alternating rounds); and the
 * process's RSS after runs of 200 and of 2,000 requests (goal: 2,000 within 1.5x of 200: flat). Beside them,
 * without a goal: bare node-fetch against bare node:http (node-fetch's own cost, the floor of gwhttp's
 * client) and gwhttp against bare node-fetch.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';

import fetch from 'node-fetch';

import { runSend } from '../src/cli/commands/sendCommand';
import { systemClock } from '../src/core/ports';
import { type BenchFigure, printFigures } from './benchFigure';

const concurrency = 8;

class NullSink extends Writable {
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: () => void): void {
    callback();
  }
}

async function startStub(): Promise<{ url: string; close(): Promise<void> }> {
  const body = Buffer.from('{"ok":true,"message":"small answer"}');
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('Content-Type', 'application/json');
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The baseline: 8 workers over one keep-alive agent of 8 sockets, each reading its whole answer. */
async function bareLoop(url: string, count: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const one = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const request = http.get(`${url}/items/${index}`, { agent, headers: { Accept: 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          Buffer.concat(chunks).toString('utf8');
          resolve();
        });
      });
      request.on('error', reject);
    });
  const worker = async () => {
    while (next < count) await one(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
}

/** node-fetch the same way (8 workers, one keep-alive agent of 8 sockets): the floor of a client on node-fetch. */
async function bareFetchLoop(url: string, count: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const response = await fetch(`${url}/items/${next++}`, { agent, headers: { Accept: 'application/json' } });
      await response.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
}

function requestFile(dir: string, url: string, count: number): string {
  const file = path.join(dir, `parallel-${count}.gwhttp`);
  const text = Array.from({ length: count }, (_, i) => `GET ${url}/items/${i}\nAccept: application/json\n`);
  fs.writeFileSync(file, text.join('###\n'));
  return file;
}

async function gwhttpRun(dir: string, file: string): Promise<void> {
  const io = { stdout: new NullSink(), stderr: new NullSink(), env: {}, cwd: dir, clock: systemClock };
  const code = await runSend([file, '--parallel', String(concurrency)], io);
  if (code !== 0) throw new Error(`gwhttp send exited ${code}`);
}

async function timed(action: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  const stub = await startStub();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-parallel-bench-'));
  try {
    const small = requestFile(dir, stub.url, 200);
    const large = requestFile(dir, stub.url, 2000);
    for (let warm = 0; warm < 2; warm++) {
      await gwhttpRun(dir, small);
      await bareLoop(stub.url, 200);
    }
    const ratios: number[] = [];
    const ours: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 7; round++) {
      const first = round % 2 === 0;
      const a = first ? await timed(() => gwhttpRun(dir, small)) : 0;
      const b = await timed(() => bareLoop(stub.url, 200));
      const c = first ? a : await timed(() => gwhttpRun(dir, small));
      ours.push(c);
      bare.push(b);
      ratios.push(c / b);
    }
    const ratio = Math.round(median(ratios) * 100) / 100;
    // node-fetch's own cost in the same run: bare node-fetch against bare node:http, and gwhttp against bare node-fetch.
    for (let warm = 0; warm < 2; warm++) await bareFetchLoop(stub.url, 200);
    const fetchRatios: number[] = [];
    const oursOverFetch: number[] = [];
    const fetchTimes: number[] = [];
    for (let round = 0; round < 7; round++) {
      const fetchMs = await timed(() => bareFetchLoop(stub.url, 200));
      const bareMs = await timed(() => bareLoop(stub.url, 200));
      const oursMs = await timed(() => gwhttpRun(dir, small));
      fetchTimes.push(fetchMs);
      fetchRatios.push(fetchMs / bareMs);
      oursOverFetch.push(oursMs / fetchMs);
    }
    global.gc?.();
    const rssSmall = process.memoryUsage().rss;
    const largeMs = await timed(() => gwhttpRun(dir, large));
    const rssLarge = process.memoryUsage().rss;
    const bareLargeMs = await timed(() => bareLoop(stub.url, 2000));
    const growth = Math.round((rssLarge / rssSmall) * 100) / 100;
    const figures: BenchFigure[] = [
      {
        name: `gwhttp send --parallel ${concurrency}, 200 requests vs bare node:http (${concurrency} sockets)`,
        value: ratio,
        unit: 'x',
        goal: 1.3,
        ok: ratio <= 1.3,
        detail: `median ${median(ours).toFixed(0)} ms vs ${median(bare).toFixed(0)} ms over 7 rounds`,
      },
      {
        name: `bare node-fetch (${concurrency} sockets) vs bare node:http, 200 requests: node-fetch's own cost`,
        value: Math.round(median(fetchRatios) * 100) / 100,
        unit: 'x',
        goal: null,
        ok: true,
        detail: `median node-fetch ${median(fetchTimes).toFixed(0)} ms over 7 rounds`,
      },
      {
        name: `gwhttp send --parallel ${concurrency} vs bare node-fetch (${concurrency} sockets), 200 requests`,
        value: Math.round(median(oursOverFetch) * 100) / 100,
        unit: 'x',
        goal: null,
        ok: true,
        detail: 'median of 7 rounds',
      },
      {
        name: 'RSS after 2,000 requests / after 200',
        value: growth,
        unit: 'x',
        goal: 1.5,
        ok: growth <= 1.5,
        detail: `${mib(rssSmall)} MiB after 200, ${mib(rssLarge)} MiB after 2,000`,
      },
      {
        name: `gwhttp send --parallel ${concurrency}, 2,000 requests vs bare node:http`,
        value: Math.round((largeMs / bareLargeMs) * 100) / 100,
        unit: 'x',
        goal: null,
        ok: true,
        detail: `${largeMs.toFixed(0)} ms vs ${bareLargeMs.toFixed(0)} ms, one run each`,
      },
    ];
    printFigures(figures);
  } finally {
    await stub.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
