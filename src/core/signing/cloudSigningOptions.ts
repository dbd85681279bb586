import { maxBodyCheck } from './cloudBodyLimit';
import type { OptionReader } from './parseSignSpec';

/** The `# @sign` options of the cloud schemes (signing-clouds.md §2–5), each stored as written. */

type Check = (value: string) => string | null;

function parameter(key: string, check: Check = () => null): OptionReader {
  return (value, options) => {
    const error = check(value);
    if (error !== null) return error;
    options.parameters = { ...options.parameters, [key]: value };
    return null;
  };
}

const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    allowed.includes(value.toLowerCase()) ? null : `must be ${allowed.join(' or ')}`;

const yesNo = oneOf('yes', 'no');
const nonEmpty: Check = (value) => (value.trim() === '' ? 'must not be empty' : null);

const presignSeconds: Check = (value) =>
  /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 604800
    ? null
    : 'must be a number of seconds from 1 to 604800 (one week)';

/** `headers=` with names separated by spaces, commas or semicolons; `headers=""` signs none. */
const headersReader: OptionReader = (value, options) => {
  options.signedHeaders = value.split(/[\s,;]+/).filter((name) => name !== '');
  return null;
};

export const awsSigV4Options: Record<string, OptionReader> = {
  region: parameter('region', nonEmpty),
  service: parameter('service', nonEmpty),
  'session-token': parameter('session-token'),
  payload: parameter('payload', oneOf('signed', 'unsigned')),
  'content-sha256': parameter('content-sha256', yesNo),
  presign: parameter('presign', presignSeconds),
  headers: headersReader,
  'token-signed': parameter('token-signed', yesNo),
  normalize: parameter('normalize', yesNo),
  'double-encode': parameter('double-encode', yesNo),
  profile: parameter('profile', nonEmpty),
  'max-body': parameter('max-body', maxBodyCheck),
};

export const tencentTc3Options: Record<string, OptionReader> = {
  service: parameter('service', nonEmpty),
  action: parameter('action'),
  version: parameter('version'),
  region: parameter('region'),
  token: parameter('token'),
  language: parameter('language', oneOf('zh-cn', 'en-us')),
  'max-body': parameter('max-body', maxBodyCheck),
  headers: headersReader,
};

export const alibabaApigwOptions: Record<string, OptionReader> = {
  algorithm: (value, options) => {
    const lower = value.toLowerCase();
    if (lower !== 'hmacsha256' && lower !== 'hmacsha1') return 'must be HmacSHA256 or HmacSHA1';
    options.algorithm = lower === 'hmacsha1' ? 'hmac-sha1' : 'hmac-sha256';
    return null;
  },
  headers: headersReader,
  stage: parameter('stage', nonEmpty),
  nonce: parameter('nonce', nonEmpty),
  'max-body': parameter('max-body', maxBodyCheck),
};

export const huaweiApigOptions: Record<string, OptionReader> = {
  headers: headersReader,
  token: parameter('token'),
  payload: parameter('payload', oneOf('signed', 'unsigned')),
  stage: parameter('stage', nonEmpty),
  'max-body': parameter('max-body', maxBodyCheck),
};
