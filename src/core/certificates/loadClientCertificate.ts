import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as tls from 'node:tls';

import { GwHttpError } from '../errors';
import type { ClientCertificate } from '../http/clientCertificate';
import type { FileReader, SecretSource } from '../ports';
import { secretProvisionHint } from '../secrets/resolveSecret';
import type { ClientCertificateEntry } from './clientCertificateConfig';

/** What loading a certificate needs: files, the secret sources, and who masks the passphrase. */
export interface CertificateLoadContext {
  fileReader: FileReader;
  secretSources: readonly SecretSource[];
  /** Told the passphrase before it is used, so no output shows it. */
  onSecret: (secret: string) => void;
}

/**
 * Reads an entry's files, finds its passphrase and checks that TLS can use them (a wrong passphrase
 * or a file that is no certificate fails here, before anything is sent). Throws GwHttpError
 * ('file', 'missingSecret', 'tls'); the passphrase is never in a message.
 */
export async function loadClientCertificate(
  entry: ClientCertificateEntry,
  context: CertificateLoadContext,
): Promise<ClientCertificate> {
  const passphrase = await passphraseOf(entry, context);
  if (passphrase !== undefined) context.onSecret(passphrase);
  const certificate: ClientCertificate = { id: '' };
  const hash = createHash('sha256').update(entry.pattern);
  for (const field of ['cert', 'key', 'pfx'] as const) {
    const file = entry[field];
    if (file === undefined) continue;
    const bytes = Buffer.from(await readCertificateFile(file, field, entry, context.fileReader));
    certificate[field] = bytes;
    hash.update(field).update(bytes);
  }
  if (passphrase !== undefined) certificate.passphrase = passphrase;
  certificate.id = `${entry.pattern} ${hash.digest('hex').slice(0, 16)}`;
  checkUsable(certificate, entry);
  return certificate;
}

async function passphraseOf(
  entry: ClientCertificateEntry,
  context: CertificateLoadContext,
): Promise<string | undefined> {
  if (entry.passphrase !== undefined) return entry.passphrase;
  const name = entry.passphraseSecret;
  if (name === undefined) return undefined;
  for (const source of context.secretSources) {
    const value = (await source.getSecret(name))?.trim();
    if (value) return value;
  }
  const looked = context.secretSources.map((source) => source.description).join('; ') || 'no secret sources';
  throw new GwHttpError(
    'missingSecret',
    `no passphrase "${name}" for the client certificate of ${entry.pattern} (looked in: ${looked}); nothing was sent.`,
    null,
    { hint: secretProvisionHint(name), keyId: name },
  );
}

async function readCertificateFile(
  file: string,
  field: string,
  entry: ClientCertificateEntry,
  reader: FileReader,
): Promise<Uint8Array> {
  const absolute = path.resolve(entry.baseFolder ?? '', file);
  try {
    return await reader.readFile(absolute);
  } catch {
    throw new GwHttpError(
      'file',
      `The client certificate's ${field} file for ${entry.pattern} cannot be read: ${absolute}; nothing was sent.`,
      null,
      {
        hint: `Check the "${field}" path in ${entry.origin} (a relative path is relative to ${entry.baseFolder ?? 'the current folder'}).`,
      },
    );
  }
}

/** Builds a TLS context from the material, so that a wrong passphrase or a bad file is named before sending. */
function checkUsable(certificate: ClientCertificate, entry: ClientCertificateEntry): void {
  try {
    tls.createSecureContext({
      cert: certificate.cert,
      key: certificate.key,
      pfx: certificate.pfx,
      passphrase: certificate.passphrase,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const undecryptable = /bad decrypt|mac verify/i.test(detail);
    const needsPassphrase = undecryptable && certificate.passphrase === undefined;
    const wrongPassphrase = undecryptable && !needsPassphrase;
    const what = needsPassphrase
      ? 'is encrypted and no passphrase is configured'
      : wrongPassphrase
        ? 'cannot be decrypted: the passphrase is wrong'
        : `cannot be used (${detail.replace(/\s+/g, ' ')})`;
    throw new GwHttpError('tls', `The client certificate for ${entry.pattern} ${what}; nothing was sent.`, null, {
      hint:
        wrongPassphrase || needsPassphrase
          ? `Set the right passphrase: "passphraseSecret" in ${entry.origin} names a secret (store it with "GW HTTP: Store Secret Key", GWHTTP_SECRET_<NAME> or .env).`
          : `Check the files in ${entry.origin}: "cert" and "key" must be PEM files of one pair, "pfx" a PKCS#12 file.`,
    });
  }
}
