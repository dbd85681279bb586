import { GwHttpError } from '../errors';

/**
 * One host's client certificate as configured (REST Client's `rest-client.certificates` shape):
 * PEM `cert` + `key`, or `pfx` (PKCS#12), with an optional `passphrase` written in clear or, better,
 * `passphraseSecret`: the name the secret sources know it by (SecretStorage, `GWHTTP_SECRET_<NAME>`, `.env`).
 */
export interface ClientCertificateEntry {
  /** The host pattern it is configured for: `host`, `host:port` or `*.domain` (optionally `:port`). */
  pattern: string;
  cert?: string;
  key?: string;
  pfx?: string;
  passphrase?: string;
  passphraseSecret?: string;
  /** Folder its relative paths are resolved against (the env file's, or the workspace's). */
  baseFolder: string | null;
  /** Where it is configured, for messages: the env file or the setting. */
  origin: string;
}

/** Client certificates by host pattern, as the `gwhttp.clientCertificates` setting or `"$clientCertificates"` hold them. */
export interface ClientCertificateSetting {
  entries: Record<string, unknown>;
  /** Folder relative paths are resolved against (the workspace folder), or null. */
  baseFolder: string | null;
}

const fields = ['cert', 'key', 'pfx', 'passphrase', 'passphraseSecret'] as const;

/** Reads the entries of one source; a bad shape throws GwHttpError('file') naming the source. */
export function readCertificateEntries(
  entries: unknown,
  baseFolder: string | null,
  origin: string,
): ClientCertificateEntry[] {
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw shapeError(origin, 'must be an object of host patterns, e.g. {"api.example.com": {"cert": "…", "key": "…"}}');
  }
  const result: ClientCertificateEntry[] = [];
  for (const [pattern, value] of Object.entries(entries as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw shapeError(origin, `the entry for "${pattern}" must be an object with cert and key, or pfx`);
    }
    const entry: ClientCertificateEntry = { pattern: pattern.trim().toLowerCase(), baseFolder, origin };
    for (const field of fields) {
      const text = (value as Record<string, unknown>)[field];
      if (text === undefined || text === null || text === '') continue;
      if (typeof text !== 'string') throw shapeError(origin, `"${field}" of "${pattern}" must be a string`);
      entry[field] = text;
    }
    if (!entry.pfx && !(entry.cert && entry.key)) {
      throw shapeError(
        origin,
        `the entry for "${pattern}" needs "cert" and "key" (PEM files) or "pfx" (a PKCS#12 file)`,
      );
    }
    result.push(entry);
  }
  return result;
}

/**
 * The entry for `url`'s host: `host:port` first, then `host`, then the longest `*.domain` (with the
 * port, then without) that the host is under. `entries` later in the list win over earlier ones.
 */
export function certificateEntryFor(
  entries: readonly ClientCertificateEntry[],
  url: URL,
): ClientCertificateEntry | null {
  if (url.protocol !== 'https:' || entries.length === 0) return null;
  const hostname = url.hostname.toLowerCase();
  const port = url.port || '443';
  const exact = [`${hostname}:${port}`, hostname];
  for (const candidate of exact) {
    const found = lastWith(entries, candidate);
    if (found) return found;
  }
  const labels = hostname.split('.');
  for (let start = 1; start < labels.length; start++) {
    const domain = `*.${labels.slice(start).join('.')}`;
    const found = lastWith(entries, `${domain}:${port}`) ?? lastWith(entries, domain);
    if (found) return found;
  }
  return null;
}

function lastWith(entries: readonly ClientCertificateEntry[], pattern: string): ClientCertificateEntry | null {
  for (let index = entries.length - 1; index >= 0; index--) {
    if (entries[index].pattern === pattern) return entries[index];
  }
  return null;
}

function shapeError(origin: string, what: string): GwHttpError {
  return new GwHttpError('file', `Client certificates in ${origin}: ${what}.`, null, {
    hint: 'See "Client certificates" in the README for the shape: {"host": {"cert": "client.crt", "key": "client.key"}} or {"host": {"pfx": "client.p12", "passphraseSecret": "NAME"}}.',
  });
}
