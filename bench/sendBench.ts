/**
 * Send speed (issue 4): 200 sequential signed requests through the CLI (a `gwhttp send` process, as CI
 * runs it) against a loopback server, against a bare node-fetch script doing the same signing; and a
 * 10 MiB response through the run pipeline against node-fetch. Ratios are medians over alternating
 * rounds. The in-process and transport-only comparisons are reported beside them, without a goal:
 * they show where the time goes (the goal is for the CLI, as httpyac's 5.3x is for its CLI).
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';

import fetch from 'node-fetch';

import { runSend } from '../src/cli/commands/sendCommand';
import { nodeFileReader } from '../src/cli/shared/nodeFileReader';
import { createHttpClient } from '../src/core/http/httpClient';
import { sendHttp } from '../src/core/http/sendHttp';
import { parseDocument } from '../src/core/parser/parseDocument';
import { systemClock } from '../src/core/ports';
import { runRequests } from '../src/core/run/runRequests';
import { type BenchFigure, printFigures } from './benchFigure';
import { findCli, findPackage } from './benchPaths';

const keyId = 'AKIDbench0000000000000000000000000001';
const secret = 'bench-secret-key';
const requestCount = 200;
const bigSize = 10 * 1024 * 1024;

class NullSink extends Writable {
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: () => void): void {
    callback();
  }
}

async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const big = Buffer.alloc(bigSize, 'a');
  const small = Buffer.from('{"ok":true,"message":"small answer"}');
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('Content-Type', 'application/json');
      response.end(request.url === '/big' ? big : small);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The baseline: node-fetch with a keep-alive agent, Tencent key-pair signing by hand (X-Date, hmac-sha1). */
async function bareLoop(url: string, count: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true });
  for (let i = 0; i < count; i++) {
    const date = new Date().toUTCString();
    const signature = crypto.createHmac('sha1', secret).update(`x-date: ${date}`).digest('base64');
    const response = await fetch(`${url}/orders/${i}`, {
      agent,
      headers: {
        Accept: 'application/json',
        'X-Date': date,
        Authorization: `hmac id="${keyId}", algorithm="hmac-sha1", headers="x-date", signature="${signature}"`,
      },
    });
    await response.text();
  }
  agent.destroy();
}

/** The bare loop as a script of its own, for the process-level comparison with the `gwhttp send` process. */
function bareLoopScript(url: string): string {
  return `const fetch = require(${JSON.stringify(findPackage('node-fetch'))});
const crypto = require('node:crypto');
const http = require('node:http');
(async () => {
  const agent = new http.Agent({ keepAlive: true });
  const results = [];
  for (let i = 0; i < ${requestCount}; i++) {
    const date = new Date().toUTCString();
    const signature = crypto.createHmac('sha1', ${JSON.stringify(secret)}).update('x-date: ' + date).digest('base64');
    const response = await fetch(${JSON.stringify(url)} + '/orders/' + i, { agent, headers: { Accept: 'application/json', 'X-Date': date,
      Authorization: 'hmac id="${keyId}", algorithm="hmac-sha1", headers="x-date", signature="' + signature + '"' } });
    results.push({ status: response.status, body: await response.text() });
  }
  process.stdout.write(JSON.stringify(results));
  agent.destroy();
})();
`;
}

/** Runs a Node process to its end without blocking this process's event loop (the server lives here). */
function runNode(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

interface Comparison {
  ours: number;
  baseline: number;
  ratio: number;
}

/**
 * Alternating rounds (order swapped every round); the figure is the median of the per-round ratios,
 * so both sides of a ratio ran under the same load (the machine is shared).
 */
async function compare(
  rounds: number,
  ours: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<Comparison> {
  for (let warm = 0; warm < 2; warm++) {
    await ours();
    await baseline();
  }
  const oursTimes: number[] = [];
  const baseTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0 ? ours : baseline;
    const second = first === ours ? baseline : ours;
    const a = await time(first);
    const b = await time(second);
    const [oursTime, baseTime] = first === ours ? [a, b] : [b, a];
    oursTimes.push(oursTime);
    baseTimes.push(baseTime);
    ratios.push(oursTime / baseTime);
  }
  return { ours: median(oursTimes), baseline: median(baseTimes), ratio: median(ratios) };
}

function figure(name: string, times: Comparison, goal: number | null): BenchFigure {
  const value = Math.round(times.ratio * 100) / 100;
  return {
    name,
    value,
    unit: 'x',
    goal,
    ok: goal === null || value <= goal,
    detail: `median gwhttp ${times.ours.toFixed(1)} ms vs node-fetch ${times.baseline.toFixed(1)} ms`,
  };
}

export async function runSendBench(): Promise<BenchFigure[]> {
  const server = await startServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-bench-'));
  try {
    const file = path.join(dir, 'bench.gwhttp');
    const request = (i: number) =>
      `###\n# @sign tencent-keypair id=${keyId}\nGET ${server.url}/orders/${i}\nAccept: application/json\n`;
    fs.writeFileSync(file, Array.from({ length: requestCount }, (_, i) => request(i)).join('\n'));
    const env = { [`GWHTTP_SECRET_${keyId}`]: secret };
    const io = { stdout: new NullSink(), stderr: new NullSink(), env, cwd: dir, clock: systemClock };
    const cli = () => runSend([file, '--json'], io);
    const sequential = await compare(11, cli, () => bareLoop(server.url, requestCount));
    const bareScript = path.join(dir, 'bareLoop.js');
    fs.writeFileSync(bareScript, bareLoopScript(server.url));
    // The CLI's code cache (src/cli/codeCache/) goes to a folder of this run's own: the warm-up rounds
    // fill it, as any earlier run on a machine does; the same comparison without it is reported too.
    const cached = { ...env, GWHTTP_CODE_CACHE_DIR: path.join(dir, 'code-cache') };
    const cliProcess = () => runNode([findCli(), 'send', file, '--json'], cached);
    const processes = await compare(9, cliProcess, () => runNode([bareScript], env));
    // The same run signed with aws-sigv4 (issue 13: within the same goal as the Tencent key pair).
    const awsFile = path.join(dir, 'benchAws.gwhttp');
    const awsRequest = (i: number) =>
      `###\n# @sign aws-sigv4 id=AKIDEXAMPLE region=us-east-1 service=execute-api\nGET ${server.url}/orders/${i}\nAccept: application/json\n`;
    fs.writeFileSync(awsFile, Array.from({ length: requestCount }, (_, i) => awsRequest(i)).join('\n'));
    const awsEnv = { ...cached, GWHTTP_SECRET_AKIDEXAMPLE: secret };
    const awsProcesses = await compare(
      9,
      () => runNode([findCli(), 'send', awsFile, '--json'], awsEnv),
      () => runNode([bareScript], env),
    );
    const uncached = { ...env, GWHTTP_NO_CODE_CACHE: '1' };
    const processesUncached = await compare(
      9,
      () => runNode([findCli(), 'send', file, '--json'], uncached),
      () => runNode([bareScript], env),
    );

    const transportClient = createHttpClient();
    const transport = async () => {
      for (let i = 0; i < requestCount; i++) {
        const date = new Date().toUTCString();
        const signature = crypto.createHmac('sha1', secret).update(`x-date: ${date}`).digest('base64');
        const headers = [
          { name: 'Accept', value: 'application/json' },
          { name: 'X-Date', value: date },
          {
            name: 'Authorization',
            value: `hmac id="${keyId}", algorithm="hmac-sha1", headers="x-date", signature="${signature}"`,
          },
        ];
        await sendHttp(
          { method: 'GET', url: `${server.url}/orders/${i}`, headers, body: null },
          { client: transportClient, env, timeoutMs: 60_000 },
        );
      }
    };
    const transportOnly = await compare(11, transport, () => bareLoop(server.url, requestCount));
    await transportClient.close();

    const bigDocument = parseDocument(`GET ${server.url}/big\n`);
    const pipeline = async () => {
      const client = createHttpClient();
      const context = {
        file: 'big.gwhttp',
        client,
        clock: systemClock,
        env: {},
        timeoutMs: 0,
        insecure: false,
        followRedirects: true,
        secretSources: [],
        variables: {
          requestFile: null,
          searchRoot: null,
          environmentName: null,
          overrides: {},
          settingsEnvironments: {},
          processEnv: {},
          clock: systemClock,
          fileReader: nodeFileReader,
          mayReadWorkspaceFiles: false,
        },
      };
      for await (const result of runRequests(bigDocument, [0], context)) {
        if (result.response?.size !== bigSize) throw new Error('short body');
      }
      await client.close();
    };
    const plain = async () => {
      const agent = new http.Agent({ keepAlive: true });
      const body = await (await fetch(`${server.url}/big`, { agent })).buffer();
      if (body.length !== bigSize) throw new Error('short body');
      agent.destroy();
    };
    const big = await compare(11, pipeline, plain);
    return [
      figure(
        `${requestCount} sequential signed requests, \`gwhttp send\` process vs a bare node-fetch script process`,
        processes,
        1.2,
      ),
      figure(
        `${requestCount} sequential aws-sigv4 requests, \`gwhttp send\` process vs the bare (key-pair) script process`,
        awsProcesses,
        1.2,
      ),
      figure(
        `${requestCount} sequential signed requests, \`gwhttp send\` process without its code cache (a first run) vs the bare script`,
        processesUncached,
        null,
      ),
      figure(
        `${requestCount} sequential signed requests, gwhttp send in-process (runSend) vs bare node-fetch loop`,
        sequential,
        null,
      ),
      figure(
        `${requestCount} sequential signed requests, sendHttp transport alone vs bare node-fetch loop`,
        transportOnly,
        null,
      ),
      figure('10 MiB response, run pipeline vs node-fetch', big, 1.3),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}

if (require.main === module) {
  runSendBench().then(printFigures, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
