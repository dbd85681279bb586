import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

import type { HttpTimings } from './httpResponse';

/** Monotonic instants (ms) of one hop, filled from the request's and socket's events. */
export interface TimingMarks {
  start: number;
  socket?: number;
  lookup?: number;
  connect?: number;
  secure?: number;
  response?: number;
}

/**
 * Records socket phases. A reused keep-alive socket is already connected: dns/connect/tls stay 0.
 * `onResponse` (optional) gets the raw response message.
 */
export function watchTimings(
  request: ClientRequest,
  marks: TimingMarks,
  now: () => number,
  onResponse?: (message: IncomingMessage) => void,
): void {
  request.once('socket', (socket: Socket) => {
    marks.socket = now();
    if (!socket.connecting) return;
    socket.once('lookup', () => (marks.lookup = now()));
    socket.once('connect', () => (marks.connect = now()));
    socket.once('secureConnect', () => (marks.secure = now()));
  });
  request.once('response', (message: IncomingMessage) => {
    marks.response = now();
    onResponse?.(message);
  });
}

const span = (from: number | undefined, to: number | undefined) =>
  from === undefined || to === undefined ? 0 : Math.max(0, to - from);

export function timingsFrom(marks: TimingMarks, exchangeStart: number, end: number): HttpTimings {
  const socketAt = marks.socket ?? marks.start;
  const ready = marks.secure ?? marks.connect ?? socketAt;
  const response = marks.response ?? end;
  return {
    dnsMs: round(span(socketAt, marks.lookup)),
    connectMs: round(span(marks.lookup ?? socketAt, marks.connect)),
    tlsMs: round(span(marks.connect, marks.secure)),
    firstByteMs: round(span(ready, response)),
    downloadMs: round(span(response, end)),
    totalMs: round(span(exchangeStart, end)),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
