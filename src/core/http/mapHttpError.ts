import { GwHttpError } from '../errors';

export type AbortReason = 'timeout' | 'aborted' | null;

export interface ErrorContext {
  method: string;
  url: string;
  /** Whether the response headers had arrived (the failure happened while reading the body). */
  inBody: boolean;
  reason: AbortReason;
  timeoutMs: number;
  /** The response header limit the request was sent with, in bytes. */
  maxHeaderSize: number;
  /** Sent over HTTP/2 (a failing HTTP/2 session gets a hint to send without `HTTP/2`). */
  http2?: boolean;
}

const tlsCode = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;

/** Turns whatever node-fetch, Node or a stream threw into one GwHttpError with a one-line message. */
export function mapHttpError(error: unknown, context: ErrorContext): GwHttpError {
  if (error instanceof GwHttpError) return error;
  const target = `${context.method} ${context.url}`;
  const host = hostOf(context.url);
  if (context.reason === 'timeout') {
    return new GwHttpError(
      'timeout',
      `No complete answer from ${host} within ${context.timeoutMs} ms (${target})`,
      null,
      { hint: 'Check that the server answers, or raise the limit with --timeout MS or # @timeout MS.' },
    );
  }
  if (context.reason === 'aborted' || (error instanceof Error && error.name === 'AbortError')) {
    return new GwHttpError('aborted', `Request cancelled (${target})`, null, {
      hint: 'Send it again when you are ready.',
    });
  }
  const code = systemCode(error);
  const detail = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
  if (code === 'ECONNREFUSED') {
    return new GwHttpError('connectionRefused', `Connection refused by ${host} (${target})`, null, {
      hint: 'Is the server running and listening on that port? Check the host and port in the URL (and the proxy settings).',
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME') {
    return new GwHttpError('dns', `Cannot resolve host ${hostnameOf(context.url)} (${code}; ${target})`, null, {
      hint: 'Check the host name in the URL or environment, and your network or DNS.',
    });
  }
  if (
    code !== null &&
    /ALERT_(CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)/.test(code)
  ) {
    return new GwHttpError('tls', `${host} refused the TLS handshake: ${tlsDetail(code, detail)} (${target})`, null, {
      hint: 'The server asks for a client certificate it accepts: configure one for this host in "$clientCertificates" of the environment or the gwhttp.clientCertificates setting (check that its issuer is one the server trusts).',
    });
  }
  if (code !== null && tlsCode.test(code)) {
    return new GwHttpError('tls', `TLS failed with ${host}: ${tlsDetail(code, detail)} (${target})`, null, {
      hint: 'For a self-signed test server use --insecure or # @insecure; otherwise check the certificate and the host name.',
    });
  }
  if (context.http2 && code !== null && code.startsWith('ERR_HTTP2_')) {
    return new GwHttpError(
      'protocol',
      `The HTTP/2 exchange with ${host} failed: ${detail} (${code}; ${target})`,
      null,
      {
        hint:
          new URL(context.url).protocol === 'http:'
            ? 'The server may not speak HTTP/2 without TLS (h2c prior knowledge): remove HTTP/2 from the request line (and --http2 or the gwhttp.httpVersion setting) to send over HTTP/1.1.'
            : 'The server broke off the HTTP/2 exchange: retry, or remove HTTP/2 from the request line (and --http2 or the gwhttp.httpVersion setting) to send over HTTP/1.1.',
      },
    );
  }
  if (context.inBody) {
    return new GwHttpError(
      'network',
      `The connection to ${host} closed before the whole body arrived (${target})`,
      null,
      { hint: 'The server or a proxy dropped the connection mid-response; retry, or check the server logs.' },
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    const mutualTls = context.url.startsWith('https:')
      ? ' A server that requires a client certificate closes the connection like this when it got none or does not trust its issuer: check "$clientCertificates" of the environment or the gwhttp.clientCertificates setting.'
      : '';
    return new GwHttpError('network', `The connection to ${host} was reset before an answer (${target})`, null, {
      hint: `The server closed the connection; check that the URL scheme (http/https) and port are right.${mutualTls}`,
    });
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new GwHttpError(
      'protocol',
      `${host} sent response headers larger than the ${kibibytes(context.maxHeaderSize)} limit (HPE_HEADER_OVERFLOW; ${target})`,
      null,
      {
        hint: 'A large Set-Cookie or a debug header? Raise the limit: gwhttp send --max-header-size BYTES, or the setting gwhttp.maxResponseHeaderSize in VS Code.',
      },
    );
  }
  if (code !== null && code.startsWith('HPE_')) {
    return new GwHttpError('protocol', `${host} sent an invalid HTTP response (${code}; ${target})`, null, {
      hint: 'Check that the URL points to an HTTP server and that the scheme (http/https) is right.',
    });
  }
  return new GwHttpError('network', `Request to ${host} failed: ${detail} (${target})`, null, {
    hint: 'Check the URL, the network and the proxy settings.',
  });
}

function kibibytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes}-byte`;
}

function systemCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'system') return code;
    current = (current as { cause?: unknown; erroredSysCall?: unknown }).cause;
  }
  return null;
}

function tlsDetail(code: string, detail: string): string {
  const match = /reason: (.*)$/.exec(detail);
  return `${match ? match[1] : detail} [${code}]`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
