import { maxBodyCheck } from './cloudBodyLimit';
import { nonEmpty, oneOf, planField, type SchemeOptionRules, signedHeadersOption, yesNo } from './schemeOptionRules';

/** The `# @sign` options of the cloud schemes (signing-clouds.md §2–5), stored as written unless noted. */

const presignSeconds = (value: string) =>
  /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 604800
    ? null
    : 'must be a number of seconds from 1 to 604800 (one week)';

const signed = oneOf('signed', 'unsigned');

export const awsSigV4OptionRules: SchemeOptionRules = {
  required: [],
  options: {
    region: nonEmpty,
    service: nonEmpty,
    'session-token': () => null,
    payload: signed,
    'content-sha256': yesNo,
    presign: presignSeconds,
    headers: signedHeadersOption,
    'token-signed': yesNo,
    normalize: yesNo,
    'double-encode': yesNo,
    profile: nonEmpty,
    'max-body': maxBodyCheck,
  },
};

export const tencentTc3OptionRules: SchemeOptionRules = {
  required: [],
  options: {
    service: nonEmpty,
    action: () => null,
    version: () => null,
    region: () => null,
    token: () => null,
    language: oneOf('zh-cn', 'en-us'),
    headers: signedHeadersOption,
    'max-body': maxBodyCheck,
  },
};

export const alibabaApigwOptionRules: SchemeOptionRules = {
  required: [],
  options: {
    algorithm: planField(
      (value) => (/^hmacsha(256|1)$/i.test(value) ? null : 'must be HmacSHA256 or HmacSHA1'),
      (value, options) => {
        options.algorithm = value.toLowerCase() === 'hmacsha1' ? 'hmac-sha1' : 'hmac-sha256';
      },
    ),
    headers: signedHeadersOption,
    stage: nonEmpty,
    nonce: nonEmpty,
    'max-body': maxBodyCheck,
  },
};

export const huaweiApigOptionRules: SchemeOptionRules = {
  required: [],
  options: {
    headers: signedHeadersOption,
    token: () => null,
    payload: signed,
    stage: nonEmpty,
    'max-body': maxBodyCheck,
  },
};
