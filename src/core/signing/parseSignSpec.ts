import type { Diagnostic } from '../model/diagnostic';
import type { SigningOptions } from './createSigningPlan';
import { hmacOptionRules } from './hmacSigningOptions';
import { tokenizeDirective } from './parseSigningParameters';
import { readSchemeOption } from './schemeOptionRules';
import { schemeRegistry } from './schemeRegistry';
import { isSchemeName, type SchemeName, schemeNames } from './signingTypes';

/** A `# @sign …` value (or the environment's default signing) read into scheme, key id and options. */
export interface SignSpec {
  scheme: SchemeName | 'none';
  keyId: string | null;
  options: SigningOptions;
}

/**
 * Reads `SCHEME id=KEYID key=value…` by the scheme's option rules (`schemeRegistry[scheme].optionRules`);
 * problems become diagnostics at `line`.
 */
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
  const rules = schemeWord === 'none' ? hmacOptionRules : schemeRegistry[schemeWord].optionRules;
  for (const token of rest) {
    if (token.key === 'id') spec.keyId = token.value;
    else if (token.key !== null) {
      const found = readSchemeOption(schemeWord, rules, token.key, token.value, spec.options);
      if (found !== null) problem(found.code, found.message, found.severity);
    } else {
      const optionList = ['id', ...Object.keys(rules.options)].join(', ');
      problem(
        'sign-unknown-option',
        `Unexpected "${token.value}" in the signing options; write options as name=value (${optionList}).`,
        'warning',
      );
    }
  }
  return { spec, diagnostics };
}
