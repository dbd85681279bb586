import { splitHeaderList } from './parseSigningParameters';
import { anyValue, planField, type PlanFieldOption, type SchemeOptionRules } from './schemeOptionRules';
import { isSigningAlgorithm } from './signingAlgorithm';

/** `true|false|yes|no|on|off` setting a boolean field of the plan. */
function booleanOption(apply: (value: boolean, options: Parameters<PlanFieldOption['apply']>[1]) => void) {
  return planField(
    (value) => (/^(true|false|yes|no|on|off)$/i.test(value) ? null : 'expects true or false'),
    (value, options) => apply(/^(true|yes|on)$/i.test(value), options),
  );
}

/**
 * The `# @sign` options of the HMAC family (tencent-keypair, tencent-app, kong, apisix, apisix-legacy,
 * cavage, signing.md): each sets a plan field. An unknown option is a warning, as it was for old files.
 */
export const hmacOptionRules: SchemeOptionRules = {
  required: [],
  unknownSeverity: 'warning',
  options: {
    algorithm: planField(
      (value) =>
        isSigningAlgorithm(value.toLowerCase()) ? null : 'must be hmac-sha1, hmac-sha256, hmac-sha384 or hmac-sha512',
      (value, options) => {
        const algorithm = value.toLowerCase();
        if (isSigningAlgorithm(algorithm)) options.algorithm = algorithm;
      },
    ),
    headers: planField(anyValue, (value, options) => {
      options.signedHeaders = splitHeaderList(value);
    }),
    source: planField(anyValue, (value, options) => {
      options.source = value;
    }),
    date: planField(
      (value) => (/^(date|x-date)$/i.test(value) ? null : 'must be date or x-date'),
      (value, options) => {
        options.dateHeader = value.toLowerCase() === 'x-date' ? 'x-date' : 'date';
      },
    ),
    digest: booleanOption((value, options) => (options.bodyDigest = value)),
    'strip-env': booleanOption((value, options) => (options.stripEnvironment = value)),
    encode: booleanOption((value, options) => (options.encodeQuery = value)),
    'signature-header': planField(
      (value) => (/^(authorization|signature)$/i.test(value) ? null : 'must be Authorization or Signature'),
      (value, options) => {
        options.signatureHeader = value.toLowerCase() === 'signature' ? 'Signature' : 'Authorization';
      },
    ),
    'http-version': planField(
      (value) => (/^\d\.\d$/.test(value) ? null : 'must look like 1.1 or 2.0'),
      (value, options) => {
        options.httpVersion = value;
      },
    ),
  },
};
