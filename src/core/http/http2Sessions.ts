import * as http2 from 'node:http2';
import * as net from 'node:net';
import * as tls from 'node:tls';

import type { Destroyable } from './abortScope';
import { certificateTlsOptions, type ClientCertificate } from './clientCertificate';
import type { TimingMarks } from './requestTimings';

/** Where an HTTP/2 hop goes and how its connection is made. */
export interface Http2Target {
  url: URL;
  insecure: boolean;
  certificate: ClientCertificate | null;
  /** Largest response header block accepted, in bytes. */
  maxHeaderSize: number;
}

/** The session to send a hop on, or `http/1.1` when the TLS server did not pick h2 in ALPN. */
export type Http2Connection = { session: http2.ClientHttp2Session } | 'http/1.1';

/** Told about a connection being made (the timeout and cancellation end it), and the moments of its phases. */
export interface ConnectWatch {
  marks: TimingMarks;
  now: () => number;
  track(connecting: Destroyable): void;
}

/**
 * The HTTP/2 sessions of an HttpClient, one per origin, TLS choice (verify or insecure) and client
 * certificate; also what ALPN answered for an origin that speaks only HTTP/1.1, so it is not asked
 * again. Closed sessions are forgotten; `close()` ends them all.
 */
export class Http2Sessions {
  private readonly sessions = new Map<string, http2.ClientHttp2Session | 'http/1.1'>();
  private readonly connecting = new Map<string, Promise<Http2Connection>>();

  async connect(target: Http2Target, watch: ConnectWatch): Promise<Http2Connection> {
    const key = `${target.url.protocol}//${target.url.host} ${target.insecure ? 'insecure' : 'verify'} ${target.certificate?.id ?? ''}`;
    const known = this.sessions.get(key);
    if (known === 'http/1.1') return known;
    if (known && !known.closed && !known.destroyed) return { session: known };
    const pending = this.connecting.get(key);
    if (pending) return pending;
    const connecting = this.open(target, watch, key);
    this.connecting.set(key, connecting);
    try {
      return await connecting;
    } finally {
      this.connecting.delete(key);
    }
  }

  close(): void {
    for (const session of this.sessions.values()) if (session !== 'http/1.1') session.destroy();
    this.sessions.clear();
  }

  private async open(target: Http2Target, watch: ConnectWatch, key: string): Promise<Http2Connection> {
    const { url } = target;
    const secure = url.protocol === 'https:';
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port || (secure ? 443 : 80));
    const socket = secure
      ? tls.connect({
          host,
          port,
          servername: net.isIP(host) ? undefined : host,
          ALPNProtocols: ['h2', 'http/1.1'],
          rejectUnauthorized: !target.insecure,
          ...(target.certificate ? certificateTlsOptions(target.certificate) : {}),
        })
      : net.connect({ host, port });
    watch.track(socket);
    watch.marks.socket = watch.now();
    socket.once('lookup', () => (watch.marks.lookup = watch.now()));
    socket.once('connect', () => (watch.marks.connect = watch.now()));
    if (secure) {
      await new Promise<void>((resolve, reject) => {
        socket.once('secureConnect', () => {
          watch.marks.secure = watch.now();
          resolve();
        });
        socket.once('error', reject);
        socket.once('close', () =>
          reject(Object.assign(new Error('socket closed during the TLS handshake'), { code: 'ECONNRESET' })),
        );
      });
      if ((socket as tls.TLSSocket).alpnProtocol !== 'h2') {
        socket.destroy();
        this.sessions.set(key, 'http/1.1');
        return 'http/1.1';
      }
    }
    const session = http2.connect(url.origin, {
      createConnection: () => socket,
      settings: { maxHeaderListSize: target.maxHeaderSize, enablePush: false },
      maxSessionMemory: 64,
    });
    // A failing session fails its streams; the session's own error needs a listener not to crash.
    session.on('error', () => undefined);
    const forget = () => {
      if (this.sessions.get(key) === session) this.sessions.delete(key);
    };
    session.once('close', forget);
    session.once('goaway', forget);
    this.sessions.set(key, session);
    return { session };
  }
}
