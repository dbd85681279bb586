import type { HeaderField } from '../model/outgoing';
import type { SigningInfo } from '../signing/signingTypes';
import { parseThrottle } from '../throttle/parseThrottle';
import { echoedSigningDetails } from './echoedSigning';
import type { DetailKind } from './gatewayErrorEntry';

export type Detail = { label: string; value: string };

function header(headers: readonly HeaderField[], name: string): string | null {
  return headers.find((field) => field.name.toLowerCase() === name)?.value.trim() ?? null;
}

function signingDetails(signing: SigningInfo | null): Detail[] {
  if (!signing) return [{ label: 'signing', value: 'this request was not signed by gwhttp' }];
  return [
    { label: 'key id', value: signing.keyId },
    { label: 'scheme', value: `${signing.scheme} ${signing.algorithm}` },
    { label: 'signed headers', value: signing.signedHeaders.join(' ') },
    { label: 'local signing string', value: JSON.stringify(signing.signingString) },
  ];
}

function appSignatureDetails(message: string, signing: SigningInfo | null): Detail[] {
  const marker = message.search(/stringtosign:/i);
  if (marker < 0) return signingDetails(signing);
  const server = message.slice(marker + 'stringtosign:'.length).replace(/#/g, '\n');
  const details = [...signingDetails(signing), { label: 'server string-to-sign', value: JSON.stringify(server) }];
  if (!signing) return details;
  const local = signing.signingString.split('\n');
  const remote = server.split('\n');
  const found = local.findIndex((text, index) => text !== remote[index]);
  if (found < 0 && local.length === remote.length) {
    return [...details, { label: 'first difference', value: 'none: the strings are equal, so the secret differs' }];
  }
  const line = found < 0 ? local.length : found;
  const show = (text: string | undefined): string => (text === undefined ? '(nothing)' : JSON.stringify(text));
  const value = `line ${line + 1}: local ${show(local[line])} vs server ${show(remote[line])}`;
  return [...details, { label: 'first difference', value }];
}

function describeOffset(seconds: number): string {
  if (seconds === 0) return 'none (the local clock agrees with the gateway to the second)';
  const minutes =
    Math.abs(seconds) >= 60 ? ` (${Math.floor(Math.abs(seconds) / 60)} min ${Math.abs(seconds) % 60} s)` : '';
  return `the local clock is ${Math.abs(seconds)} s${minutes} ${seconds > 0 ? 'behind' : 'ahead of'} the gateway`;
}

function clockDetails(headers: readonly HeaderField[], signing: SigningInfo | null, sentAt: Date): Detail[] {
  const details: Detail[] = [{ label: 'request sent at', value: sentAt.toUTCString() }];
  const signedDate = signing?.signingString.split('\n').find((line) => /^(x-)?date: /i.test(line));
  if (signedDate) details.push({ label: 'signed date', value: signedDate });
  const date = header(headers, 'date');
  const serverTime = date === null ? Number.NaN : Date.parse(date);
  if (Number.isNaN(serverTime)) {
    details.push({ label: 'clock offset', value: 'unknown: the response has no readable Date header' });
    return details;
  }
  const offset = Math.round((serverTime - sentAt.getTime()) / 1000);
  details.push({ label: 'gateway time', value: date ?? '' }, { label: 'clock offset', value: describeOffset(offset) });
  return details;
}

function quotaDetails(headers: readonly HeaderField[], sentAt: Date): Detail[] {
  const date = header(headers, 'date');
  const now = date !== null && !Number.isNaN(Date.parse(date)) ? new Date(Date.parse(date)) : sentAt;
  const state = parseThrottle(headers, now);
  if (!state) return [{ label: 'retry after', value: 'not given (no Retry-After or rate-limit headers)' }];
  const details: Detail[] = [];
  const add = (label: string, value: string | number | null): void => {
    if (value !== null) details.push({ label, value: String(value) });
  };
  add('retry after', state.retryAfterSeconds === null ? 'not given' : `${state.retryAfterSeconds} s`);
  add('used', state.usedRaw);
  add('limit', state.limit);
  add('remaining', state.remaining);
  add('resets in', state.resetSeconds === null ? null : `${state.resetSeconds} s`);
  add('usage plan', state.usagePlanId);
  add('key id', state.secretId);
  return details;
}

export interface DetailInput {
  kind: DetailKind;
  message: string;
  headers: readonly HeaderField[];
  signing: SigningInfo | null;
  sentAt: Date;
}

export function explanationDetails(input: DetailInput): Detail[] {
  switch (input.kind) {
    case 'signature':
      return signingDetails(input.signing);
    case 'appSignature':
      return appSignatureDetails(input.message, input.signing);
    case 'echoedSigning':
      return [...signingDetails(input.signing), ...echoedSigningDetails(input.message, input.signing)];
    case 'clock':
      return clockDetails(input.headers, input.signing, input.sentAt);
    case 'quota':
      return quotaDetails(input.headers, input.sentAt);
    case 'none':
      return [];
    default: {
      const unknown: never = input.kind;
      return unknown;
    }
  }
}
