/**
 * Signing benchmark (issue 13): each cloud scheme signs a typical request (a JSON POST with a query and
 * two headers, the whole signRequest path: derived headers, canonical request, key derivation,
 * signature) in under 100 µs, median of batches. Run directly with `npx tsx bench/signBench.ts`.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import type { OutgoingRequest } from '../src/core/model/outgoing';
import type { Clock } from '../src/core/ports';
import { createSigningPlan } from '../src/core/signing/createSigningPlan';
import type { SchemeName } from '../src/core/signing/signingTypes';
import { signRequest } from '../src/core/signing/signRequest';
import { type BenchFigure, printFigures } from './benchFigure';

const goalMicroseconds = 100;
const clock: Clock = { now: () => new Date() };
const body = new Uint8Array(Buffer.from(JSON.stringify({ sku: 'A-1', qty: 2, note: 'a typical order body' })));

function typicalRequest(host: string): OutgoingRequest {
  return {
    method: 'POST',
    url: `https://${host}/prod/orders/a%20b?page=1&size=20&status=open`,
    headers: [
      { name: 'Content-Type', value: 'application/json; charset=utf-8' },
      { name: 'Accept', value: 'application/json' },
    ],
    body,
  };
}

const cases: [SchemeName, string, Record<string, string>][] = [
  ['aws-sigv4', 'abc123.execute-api.us-east-1.amazonaws.com', { 'session-token': 'token' }],
  ['tencent-tc3', 'cvm.tencentcloudapi.com', { action: 'DescribeInstances', version: '2017-03-12' }],
  ['alibaba-apigw', 'api.example.com', {}],
  ['huawei-apig', 'apig.example.com', {}],
];

function medianMicroseconds(run: () => void, batches = 15, perBatch = 400): number {
  for (let i = 0; i < perBatch; i++) run();
  const samples: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) run();
    samples.push(((performance.now() - start) * 1000) / perBatch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const figures: BenchFigure[] = cases.map(([scheme, host, parameters]) => {
  const plan = createSigningPlan(scheme, 'AKIDEXAMPLE', { parameters });
  const request = typicalRequest(host);
  const value = Math.round(medianMicroseconds(() => signRequest(request, plan, 'bench-secret', clock)) * 10) / 10;
  return {
    name: `sign ${scheme}`,
    value,
    unit: ' µs',
    goal: goalMicroseconds,
    ok: value <= goalMicroseconds,
    detail: 'typical JSON POST, median of 15 batches of 400',
  };
});

// Context for a loaded machine: the existing Tencent key-pair signer and one bare HMAC-SHA256, same run.
const baseline = createSigningPlan('tencent-keypair', 'AKIDEXAMPLE', {});
const keypair = typicalRequest('service-1.ap-guangzhou.apigateway.myqcloud.com');
const info = (name: string, value: number, detail: string): BenchFigure => ({
  name,
  value: Math.round(value * 10) / 10,
  unit: ' µs',
  goal: null,
  ok: true,
  detail,
});
figures.push(
  info(
    'sign tencent-keypair',
    medianMicroseconds(() => signRequest(keypair, baseline, 'bench-secret', clock)),
    'baseline',
  ),
  info(
    'one HMAC-SHA256',
    medianMicroseconds(() => createHmac('sha256', 'k').update('message').digest()),
    'machine speed',
  ),
);
printFigures(figures);
