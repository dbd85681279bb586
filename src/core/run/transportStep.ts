import * as path from 'node:path';

import {
  certificateEntryFor,
  type ClientCertificateEntry,
  readCertificateEntries,
} from '../certificates/clientCertificateConfig';
import { loadClientCertificate } from '../certificates/loadClientCertificate';
import type { ClientCertificate } from '../http/clientCertificate';
import type { HttpResponse, HttpVersion } from '../http/httpResponse';
import type { ParsedRequest } from '../model/document';
import { sharedEnvironmentName } from '../variables/loadedEnvironments';
import type { VariableContext } from '../variables/variableContext';
import type { RunContext } from './runTypes';

/** Environment key holding the client certificates by host: `"$clientCertificates": {"host": {"cert": …}}`. */
export const clientCertificatesKey = '$clientCertificates';

/**
 * The HTTP version a request is sent with: the one on its request line (`HTTP/2`, `HTTP/2.0`: 2;
 * `HTTP/1.1`, `HTTP/1.0`: 1.1), else the run's (`--http2`, `gwhttp.httpVersion`), else 1.1.
 */
export function requestedHttpVersion(request: ParsedRequest, fallback: HttpVersion | undefined): HttpVersion {
  const written = (request as ParsedRequest & { httpVersion?: string | null }).httpVersion;
  if (written) return /^HTTP\/2(\.0)?$/i.test(written) ? '2' : '1.1';
  return fallback ?? '1.1';
}

/** The warning for an exchange asked over HTTP/2 that went over HTTP/1.1 (ALPN, a proxy), or null. */
export function http2FallbackWarning(requested: HttpVersion, response: HttpResponse): string | null {
  if (requested !== '2' || response.httpVersion !== '1.1') return null;
  const host = new URL(response.url).host;
  return response.http2Fallback === 'proxy'
    ? `Sent over HTTP/1.1: requests to ${host} go through a proxy, and gwhttp does not tunnel HTTP/2.`
    : `Sent over HTTP/1.1: ${host} did not offer HTTP/2 in the TLS handshake (ALPN).`;
}

/**
 * The client certificate lookup of a request, or undefined when neither the environment
 * (`"$clientCertificates"`, also in `$shared`) nor the run (`gwhttp.clientCertificates`) configures any:
 * then nothing is looked up per hop. A host's certificate is loaded once per run (context.certificates)
 * and its passphrase joins the run's redactor.
 */
export function certificateLookup(
  variables: Omit<VariableContext, 'chain'>,
  context: RunContext,
): ((url: URL) => Promise<ClientCertificate | null>) | undefined {
  const environments = variables.environments;
  const name = variables.environmentName;
  const own = name === null ? undefined : environments?.environments[name]?.[clientCertificatesKey];
  const shared = environments?.environments[sharedEnvironmentName]?.[clientCertificatesKey];
  if (own === undefined && shared === undefined && !context.clientCertificates) return undefined;
  const entries: ClientCertificateEntry[] = [];
  if (context.clientCertificates) {
    const { entries: setting, baseFolder } = context.clientCertificates;
    entries.push(...readCertificateEntries(setting, baseFolder, 'the gwhttp.clientCertificates setting'));
  }
  const fallbackFolder = variables.searchRoot ?? (variables.requestFile ? path.dirname(variables.requestFile) : null);
  for (const [environment, raw] of [
    [sharedEnvironmentName, shared],
    [name, own],
  ] as const) {
    if (raw === undefined || environment === null) continue;
    const file = environments?.locations[environment]?.[clientCertificatesKey]?.file ?? null;
    const origin = file === null ? `"${clientCertificatesKey}" of the gwhttp.environments setting` : file;
    entries.push(
      ...readCertificateEntries(parseEntries(raw), file === null ? fallbackFolder : path.dirname(file), origin),
    );
  }
  const loaded = context.certificates ?? new Map<string, Promise<ClientCertificate>>();
  return async (url) => {
    const entry = certificateEntryFor(entries, url);
    if (!entry) return null;
    const key = `${entry.origin} ${entry.pattern}`;
    let certificate = loaded.get(key);
    if (!certificate) {
      certificate = loadClientCertificate(entry, {
        fileReader: variables.fileReader,
        secretSources: context.secretSources,
        onSecret: (secret) => context.redactor.addAll([secret]),
      });
      loaded.set(key, certificate);
      // A failed load is tried again by the next request (the file or the secret may be fixed by then).
      certificate.catch(() => loaded.delete(key));
    }
    return certificate;
  };
}

function parseEntries(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
