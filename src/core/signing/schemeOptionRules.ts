/**
 * Options that a scheme reads itself (rfc9421, akamai-edgegrid, oauth1, digest): each option's check,
 * and which are required. `parseSignSpec` applies them; the values land in `SigningPlan.schemeOptions`.
 */

/** Why a value is not accepted (completes "Signing option name="value" …"), or null when it is. */
export type OptionCheck = (value: string) => string | null;

export interface SchemeOptionRules {
  /** Options that must be given (besides `id`). */
  required: readonly string[];
  options: Readonly<Record<string, OptionCheck>>;
}

export const anyValue: OptionCheck = () => null;

export function oneOf(...allowed: string[]): OptionCheck {
  return (value) => (allowed.includes(value.toLowerCase()) ? null : `must be ${allowed.join(' or ')}`);
}

export const yesNo: OptionCheck = oneOf('yes', 'no');

export const positiveInteger: OptionCheck = (value) =>
  /^[1-9]\d{0,9}$/.test(value) ? null : 'must be a positive integer';

/** An option value that is `yes`/`true`/`on` (after `yesNo` accepted it, or a default). */
export function isYes(value: string | undefined): boolean {
  return value !== undefined && /^(yes|true|on)$/i.test(value);
}

export interface SchemeOptionProblem {
  code: 'sign-unknown-option' | 'sign-bad-option' | 'sign-missing-option';
  message: string;
}

/** Checks one `key=value` against a scheme's rules; stores it in `into` when it is accepted. */
export function readSchemeOption(
  scheme: string,
  rules: SchemeOptionRules,
  key: string,
  value: string,
  into: Record<string, string>,
): SchemeOptionProblem | null {
  const check = rules.options[key];
  if (check === undefined) {
    const known = ['id', ...Object.keys(rules.options)].join(', ');
    return {
      code: 'sign-unknown-option',
      message: `Unknown ${scheme} signing option "${key}"; known options: ${known}.`,
    };
  }
  const error = value.includes('{{') ? null : check(value);
  if (error !== null) return { code: 'sign-bad-option', message: `Signing option ${key}="${value}" ${error}.` };
  into[key] = value;
  return null;
}

/** The required options that `given` lacks, as one problem (or null). */
export function missingSchemeOptions(
  scheme: string,
  rules: SchemeOptionRules,
  given: Readonly<Record<string, string>>,
): SchemeOptionProblem | null {
  const missing = rules.required.filter((name) => given[name] === undefined || given[name] === '');
  if (missing.length === 0) return null;
  const list = missing.map((name) => `${name}=…`).join(' ');
  return { code: 'sign-missing-option', message: `${scheme} signing needs ${list} in the # @sign directive.` };
}
