import type { Diagnostic } from '../model/diagnostic';
import type { SigningOptions } from './createSigningPlan';
import { splitHeaderList, tokenizeDirective } from './parseSigningParameters';
import { readSchemeOption } from './schemeOptionRules';
import { schemeRegistry } from './schemeRegistry';
import { isSigningAlgorithm } from './signingAlgorithm';
import { isSchemeName, type SchemeName, schemeNames } from './signingTypes';

/** A `# @sign …` value (or the environment's default signing) read into scheme, key id and options. */
export interface SignSpec {
  scheme: SchemeName | 'none';
  keyId: string | null;
  options: SigningOptions;
}

/** Reads one option's value into the options; returns what is wrong with the value, or null. */
export type OptionReader = (value: string, options: SigningOptions) => string | null;

function booleanOption(apply: (options: SigningOptions, value: boolean) => void): OptionReader {
  return (value, options) => {
    if (!/^(true|false|yes|no|on|off)$/i.test(value)) return 'expects true or false';
    apply(options, /^(true|yes|on)$/i.test(value));
    return null;
  };
}

const optionReaders: Record<string, OptionReader> = {
  algorithm: (value, options) => {
    const algorithm = value.toLowerCase();
    if (!isSigningAlgorithm(algorithm)) return 'must be hmac-sha1, hmac-sha256, hmac-sha384 or hmac-sha512';
    options.algorithm = algorithm;
    return null;
  },
  headers: (value, options) => {
    options.signedHeaders = splitHeaderList(value);
    return null;
  },
  source: (value, options) => {
    options.source = value;
    return null;
  },
  date: (value, options) => {
    const name = value.toLowerCase();
    if (name !== 'date' && name !== 'x-date') return 'must be date or x-date';
    options.dateHeader = name;
    return null;
  },
  digest: booleanOption((options, value) => (options.bodyDigest = value)),
  'strip-env': booleanOption((options, value) => (options.stripEnvironment = value)),
  encode: booleanOption((options, value) => (options.encodeQuery = value)),
  'signature-header': (value, options) => {
    if (!/^(authorization|signature)$/i.test(value)) return 'must be Authorization or Signature';
    options.signatureHeader = value.toLowerCase() === 'signature' ? 'Signature' : 'Authorization';
    return null;
  },
  'http-version': (value, options) => {
    if (!/^\d\.\d$/.test(value)) return 'must look like 1.1 or 2.0';
    options.httpVersion = value;
    return null;
  },
};

/** The scheme's own option readers (cloud schemes), else the HMAC family's; unknown options are errors there. */
function readersFor(scheme: SchemeName | 'none'): { readers: Record<string, OptionReader>; strict: boolean } {
  const own = scheme === 'none' ? undefined : schemeRegistry[scheme].optionReaders;
  return own ? { readers: own, strict: true } : { readers: optionReaders, strict: false };
}

/** Reads `SCHEME id=KEYID [algorithm=ALG] [headers="a b"] [source=VALUE] …`; problems become diagnostics. */
export function parseSignSpec(text: string, line: number): { spec: SignSpec | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const problem = (code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ line, severity, code, message });
  const [first, ...rest] = tokenizeDirective(text.trim());
  const schemeWord = first?.key === null ? first.value.toLowerCase() : '';
  if (schemeWord !== 'none' && !isSchemeName(schemeWord)) {
    problem(
      'sign-unknown-scheme',
      `Unknown signing scheme "${first?.key === null ? first.value : text.trim()}": use one of ${schemeNames.join(', ')} or none.`,
    );
    return { spec: null, diagnostics };
  }
  const spec: SignSpec = { scheme: schemeWord, keyId: null, options: {} };
  const { readers, strict } = readersFor(schemeWord);
  const optionList = ['id', ...Object.keys(readers)].join(', ');
  const ownRules = schemeWord === 'none' ? undefined : schemeRegistry[schemeWord].optionRules;
  const schemeOptions: Record<string, string> = {};
  for (const token of rest) {
    if (ownRules && token.key !== null && token.key !== 'id') {
      const found = readSchemeOption(schemeWord, ownRules, token.key, token.value, schemeOptions);
      if (found !== null) problem(found.code, found.message);
    } else if (token.key === null) {
      problem(
        'sign-unknown-option',
        `Unexpected "${token.value}" in the signing options; write options as name=value (${optionList}).`,
        'warning',
      );
    } else if (token.key === 'id') spec.keyId = token.value;
    else if (readers[token.key] === undefined) {
      const severity = strict ? 'error' : 'warning';
      problem('sign-unknown-option', `Unknown signing option "${token.key}"; known options: ${optionList}.`, severity);
    } else {
      const error = readers[token.key](token.value, spec.options);
      if (error !== null) problem('sign-bad-option', `Signing option ${token.key}="${token.value}" ${error}.`);
    }
  }
  if (ownRules) spec.options.schemeOptions = schemeOptions;
  return { spec, diagnostics };
}
