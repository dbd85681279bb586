import * as path from 'node:path';

import {
  formatBytes,
  formatLocation,
  formatThrottleLine,
  type HeaderField,
  http2RequestHeaders,
  type HttpResponse,
  type OutgoingRequest,
  type Redactor,
  type RunResult,
  savedBodyNote,
  sendNumber,
} from '../../core';
import { formatBody } from './formatBody';

export interface FormatOptions {
  verbose: boolean;
  /** Masks the run's secrets and credential headers in everything printed. */
  redactor: Redactor;
  /** Characters of body shown (default 64 KiB). */
  bodyLimit?: number;
  /** Folder that paths are shown relative to (a saved body's file); absolute paths without it. */
  cwd?: string;
}

export function statusClass(status: number): string {
  if (status < 200) return 'informational';
  if (status < 300) return 'success';
  if (status < 400) return 'redirect';
  if (status < 500) return 'client error';
  return 'server error';
}

function shownPath(file: string, cwd: string | undefined): string {
  if (cwd === undefined) return file;
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** `200 OK (success) · 12 ms · 345 B` */
export function statusLine(response: HttpResponse): string {
  const ms = Math.round(response.timings.totalMs);
  const version = response.httpVersion === '2' ? ' · HTTP/2' : '';
  return `${response.status} ${response.statusText} (${statusClass(response.status)}) · ${ms} ms · ${formatBytes(response.size)}${version}`;
}

/** The request's header fields as sent: over HTTP/2 the pseudo-headers first and no connection headers. */
function sentFields(request: OutgoingRequest, response: HttpResponse): HeaderField[] {
  return response.httpVersion === '2' ? http2RequestHeaders(request) : request.headers;
}

const headerLines = (prefix: string, headers: readonly HeaderField[]) =>
  headers.map((h) => `${prefix} ${h.name}: ${h.value}`);

/** `✔ status == 200` / `✘ body $.id == 7 (line 12): expected …, got 8`, then a count. */
function assertionLines(result: RunResult): string[] {
  if (result.assertions.length === 0) return [];
  const failed = result.assertions.filter((assertion) => !assertion.passed).length;
  return [
    ...result.assertions.map((assertion) => {
      const text = assertion.origin === 'documentation' ? `${assertion.text} (documented)` : assertion.text;
      return assertion.passed ? `✔ ${text}` : `✘ ${text} (line ${assertion.line}): ${assertion.failure}`;
    }),
    `assertions: ${result.assertions.length - failed} passed, ${failed} failed`,
  ];
}

/** The human output for one result: heading, status, throttling, (headers), explanation or error, body; secrets masked. */
export function formatRunResult(result: RunResult, options: FormatOptions): string {
  const heading = [
    sendNumber(result),
    result.name,
    result.request && `${result.request.method} ${result.request.url}`,
    `(${result.location.file}:${result.location.line})`,
  ];
  const lines = [heading.filter((part) => part).join(' ')];
  const { response } = result;
  if (response) {
    lines.push(statusLine(response));
    if (response.redirects.length > 0) {
      lines.push(`redirected ${response.redirects.map((hop) => `${hop.status} → ${hop.location}`).join(', ')}`);
    }
    if (result.throttle) lines.push(formatThrottleLine(result.throttle));
    lines.push(...result.warnings.map((warning) => `warning: ${warning}`));
    lines.push(...assertionLines(result));
    if (result.savedTo) lines.push(savedBodyNote(shownPath(result.savedTo, options.cwd)));
    if (options.verbose) {
      const t = response.timings;
      lines.push(
        `timings: dns ${t.dnsMs} ms · connect ${t.connectMs} ms · tls ${t.tlsMs} ms · first byte ${t.firstByteMs} ms · download ${t.downloadMs} ms`,
      );
      if (result.request) {
        lines.push(...headerLines('>', options.redactor.headers(sentFields(result.request, response))));
      }
      lines.push(...headerLines('<', options.redactor.headers(response.headers)));
    }
  }
  if (result.explanation) {
    const e = result.explanation;
    lines.push(
      `gateway: ${e.gatewayMessage}`,
      `  cause: ${e.cause}`,
      `  fix: ${e.fix}`,
      ...e.details.map((d) => `  ${d.label}: ${d.value}`),
    );
  } else if (result.error) {
    lines.push(
      `error: ${formatLocation(result.error.location)}: ${result.error.message}`,
      `  hint: ${result.error.hint}`,
    );
  }
  // The body is masked in formatBody, before it is cut.
  const head = options.redactor.text(lines.join('\n'));
  const body = response ? formatBody(response, options.bodyLimit ?? 64 * 1024, options.redactor) : '';
  return `${head}${body === '' ? '' : `\n\n${body}`}\n`;
}
