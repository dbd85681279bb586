/**
 * Send speed (issues 4 and 10): 200 sequential signed requests through the CLI (a `gwhttp send` process,
 * as CI runs it) against a loopback server, against whole processes of a bare `node:http` keep-alive
 * script (the goal: within 1.3x) and a bare node-fetch script doing the same signing (bareScripts.ts);
 * and a 10 MiB response through the run pipeline against node-fetch. Ratios are medians over
 * alternating rounds. The in-process and transport-only comparisons are reported beside them, without
 * a goal: they show where the time goes.
 */
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
import { Redactor } from '../src/core/redaction';
import { runRequests } from '../src/core/run/runRequests';
import { bareFetchScript, bareHttpScript } from './bareScripts';
import { type BenchFigure, printFigures } from './benchFigure';
import { findCli } from './benchPaths';
import { nodeRunner } from './nodeProcess';

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of `action`, and the CPU time it reports when it resolves to one (a Node process). */
async function time(action: () => Promise<unknown>): Promise<{ wall: number; cpu: number | null }> {
  const start = performance.now();
  const result = await action();
  return { wall: performance.now() - start, cpu: typeof result === 'number' ? result : null };
}

interface Comparison {
  ours: number;
  baseline: number;
  ratio: number;
  /** Median CPU times and ratio, when both sides are processes that report them. */
  cpu: { ours: number; baseline: number; ratio: number } | null;
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
  const oursTimes: { wall: number; cpu: number | null }[] = [];
  const baseTimes: { wall: number; cpu: number | null }[] = [];
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0 ? ours : baseline;
    const second = first === ours ? baseline : ours;
    const a = await time(first);
    const b = await time(second);
    oursTimes.push(first === ours ? a : b);
    baseTimes.push(first === ours ? b : a);
  }
  const summary = (pick: (t: { wall: number; cpu: number | null }) => number) => ({
    ours: median(oursTimes.map(pick)),
    baseline: median(baseTimes.map(pick)),
    ratio: median(oursTimes.map((t, i) => pick(t) / pick(baseTimes[i]))),
  });
  const hasCpu = oursTimes.every((t) => t.cpu !== null) && baseTimes.every((t) => t.cpu !== null);
  return { ...summary((t) => t.wall), cpu: hasCpu ? summary((t) => t.cpu ?? 0) : null };
}

/** The CPU side of a process comparison, which the shared machine's load distorts far less than wall time. */
function cpuDetail(times: Comparison): string {
  const { cpu } = times;
  return cpu ? `; CPU ${cpu.ratio.toFixed(2)}x, ${cpu.ours.toFixed(0)} ms vs ${cpu.baseline.toFixed(0)} ms` : '';
}

function figure(
  name: string,
  times: Comparison,
  goal: number | null,
  baseline = 'node-fetch',
  subject = 'gwhttp',
): BenchFigure {
  const value = Math.round(times.ratio * 100) / 100;
  return {
    name,
    value,
    unit: 'x',
    goal,
    ok: goal === null || value <= goal,
    detail: `median ${subject} ${times.ours.toFixed(1)} ms vs ${baseline} ${times.baseline.toFixed(1)} ms${cpuDetail(times)}`,
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
    const scriptInput = { url: server.url, count: requestCount, keyId, secret };
    const runNode = nodeRunner(dir);
    const bareScript = path.join(dir, 'bareFetch.js');
    fs.writeFileSync(bareScript, bareFetchScript(scriptInput));
    const bareHttp = path.join(dir, 'bareHttp.js');
    fs.writeFileSync(bareHttp, bareHttpScript(scriptInput));
    // The CLI's code cache (src/cli/codeCache/) goes to a folder of this run's own: the warm-up rounds
    // fill it, as any earlier run on a machine does; the same comparison without it is reported too.
    const cached = { ...env, GWHTTP_CODE_CACHE_DIR: path.join(dir, 'code-cache') };
    const cliProcess = () => runNode([findCli(), 'send', file, '--json'], cached);
    const processes = await compare(9, cliProcess, () => runNode([bareHttp], env));
    const processesFetch = await compare(9, cliProcess, () => runNode([bareScript], env));
    // node-fetch's own cost: the same node-fetch script with Node's URL (as gwhttp bundles it) against
    // the node:http script, and gwhttp against that script: the floor of any client built on node-fetch.
    const bareFetchNodeUrl = path.join(dir, 'bareFetchNodeUrl.js');
    fs.writeFileSync(bareFetchNodeUrl, bareFetchScript(scriptInput, true));
    const fetchFloor = await compare(
      9,
      () => runNode([bareFetchNodeUrl], env),
      () => runNode([bareHttp], env),
    );
    const overFetchFloor = await compare(9, cliProcess, () => runNode([bareFetchNodeUrl], env));
    // The same run signed with aws-sigv4 (issue 13: within the same goal as the Tencent key pair).
    const awsFile = path.join(dir, 'benchAws.gwhttp');
    const awsRequest = (i: number) =>
      `###\n# @sign aws-sigv4 id=AKIDEXAMPLE region=us-east-1 service=execute-api\nGET ${server.url}/orders/${i}\nAccept: application/json\n`;
    fs.writeFileSync(awsFile, Array.from({ length: requestCount }, (_, i) => awsRequest(i)).join('\n'));
    const awsEnv = { ...cached, GWHTTP_SECRET_AKIDEXAMPLE: secret };
    const awsProcesses = await compare(
      9,
      () => runNode([findCli(), 'send', awsFile, '--json'], awsEnv),
      () => runNode([bareHttp], env),
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
        redactor: new Redactor(),
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
        `${requestCount} sequential signed requests, \`gwhttp send\` process vs a bare node:http keep-alive script process`,
        processes,
        1.3,
        'node:http',
      ),
      figure(
        `${requestCount} sequential signed requests, \`gwhttp send\` process vs a bare node-fetch script process`,
        processesFetch,
        null,
      ),
      figure(
        `${requestCount} sequential signed requests, bare node-fetch script process (Node's URL, as gwhttp bundles it) vs the bare node:http script process: node-fetch's own cost`,
        fetchFloor,
        null,
        'node:http',
        'node-fetch',
      ),
      figure(
        `${requestCount} sequential signed requests, \`gwhttp send\` process vs that node-fetch script process`,
        overFetchFloor,
        null,
        'node-fetch (Node URL)',
      ),
      figure(
        `${requestCount} sequential aws-sigv4 requests, \`gwhttp send\` process vs the bare node:http (key-pair) script process`,
        awsProcesses,
        1.3,
        'node:http',
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
