import * as path from 'node:path';

import { GwHttpError, type SourceLocation } from '../errors';
import type { FileReader } from '../ports';
import type { SigningPlan } from './signingTypes';

/** What reading a private key file needs: the request file (paths are relative to it) and a reader. */
export interface KeyFileAccess {
  requestFile: string | null;
  fileReader: FileReader;
  /** False in an untrusted workspace: no key file is read there. */
  mayReadWorkspaceFiles?: boolean;
}

const pemPattern = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Whether a secret's value names a key file rather than holding a key: `file:PATH`, or one line ending `.pem`/`.key`/`.p8`. */
export function looksLikeKeyPath(secret: string): boolean {
  if (pemPattern.test(secret) || /[\r\n]/.test(secret)) return false;
  return /^file:/i.test(secret) || /\.(pem|key|p8)$/i.test(secret);
}

/** The key file an rfc9421 plan signs with: `key-file=`, else its secret when that names a file; else null. */
export function privateKeyFilePath(plan: SigningPlan, secret: string | null): string | null {
  if (plan.scheme !== 'rfc9421' || (plan.parameters.alg ?? '').toLowerCase() === 'hmac-sha256') return null;
  const written = plan.parameters['key-file'];
  if (written !== undefined && written !== '') return written;
  return secret !== null && looksLikeKeyPath(secret.trim()) ? secret.trim().replace(/^file:/i, '') : null;
}

function keyFileError(code: 'file' | 'signing', location: SourceLocation, message: string, hint: string): GwHttpError {
  return new GwHttpError(code, `${message}; nothing was sent.`, location, { hint });
}

/**
 * The PEM text of a private key file, the path resolved against the request file's folder. A missing or
 * unreadable file, or one that is not a PEM private key, is a GwHttpError at `location` (the directive's
 * line); the message names the path (not secret), never the file's contents.
 */
export async function readPrivateKeyFile(written: string, access: KeyFileAccess, location: SourceLocation) {
  const hint =
    'Point key-file= (or the key id\'s secret) at a PKCS#8 PEM private key file ("-----BEGIN PRIVATE KEY-----").';
  if (access.mayReadWorkspaceFiles === false) {
    throw keyFileError(
      'file',
      location,
      `the private key file "${written}" is not read in an untrusted workspace`,
      "Trust the workspace, or store the PEM text itself as the key id's secret.",
    );
  }
  if (!path.isAbsolute(written) && access.requestFile === null) {
    throw keyFileError(
      'file',
      location,
      `the private key file "${written}" is relative, but the request file is not saved`,
      'Save the request file, or write an absolute path.',
    );
  }
  const resolved = access.requestFile === null ? written : path.resolve(path.dirname(access.requestFile), written);
  if (!(await access.fileReader.exists(resolved))) {
    throw keyFileError('file', location, `the private key file "${written}" (${resolved}) does not exist`, hint);
  }
  let bytes: Uint8Array;
  try {
    bytes = await access.fileReader.readFile(resolved);
  } catch {
    throw keyFileError('file', location, `the private key file "${written}" (${resolved}) cannot be read`, hint);
  }
  const text = Buffer.from(bytes).toString('utf8');
  if (!pemPattern.test(text)) {
    throw keyFileError('signing', location, `the file "${written}" (${resolved}) is not a PEM private key`, hint);
  }
  return text;
}
