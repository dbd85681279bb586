import type { SigningOptions } from './createSigningPlan';

/**
 * The one declaration shape of a scheme's `# @sign` `key=value` options (every scheme has one, in the
 * scheme registry): each option's check, where an accepted value goes, and which options are required.
 * `readSchemeOption` is the one reader; its problems are the one diagnostic path for an unknown or
 * invalid option.
 */

/** Why a value is not accepted (completes "Signing option name="value" …"), or null when it is. */
export type OptionCheck = (value: string) => string | null;

/**
 * An option whose value sets a field of the plan (`algorithm=`, `headers=`…) instead of being stored,
 * as written, in `SigningPlan.parameters` (which a bare `OptionCheck` does).
 */
export interface PlanFieldOption {
  check: OptionCheck;
  apply(value: string, options: SigningOptions): void;
}

export type OptionRule = OptionCheck | PlanFieldOption;

/** An option that sets a plan field once `check` accepted its value. */
export function planField(check: OptionCheck, apply: PlanFieldOption['apply']): PlanFieldOption {
  return { check, apply };
}

export interface SchemeOptionRules {
  /** Options that must be given (besides `id`). */
  required: readonly string[];
  options: Readonly<Record<string, OptionRule>>;
  /** Why options given together do not fit (checked with the required ones), or []. */
  conflicts?: (given: Readonly<Record<string, string>>) => string[];
  /** How an unknown option is reported: an error (default), or a warning (the HMAC family, for old files). */
  unknownSeverity?: 'warning';
}

export const anyValue: OptionCheck = () => null;

export const nonEmpty: OptionCheck = (value) => (value.trim() === '' ? 'must not be empty' : null);

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

/** `headers=` with names separated by spaces, commas or semicolons (`headers=""` signs none). */
export const signedHeadersOption = planField(anyValue, (value, options) => {
  options.signedHeaders = value.split(/[\s,;]+/).filter((name) => name !== '');
});

export interface SchemeOptionProblem {
  code: 'sign-unknown-option' | 'sign-bad-option' | 'sign-missing-option';
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Reads one `key=value` by the scheme's rules into `into`: a plan field, or `parameters[key]` as written.
 * A stored value with `{{…}}` is checked at send time, once resolved.
 */
export function readSchemeOption(
  scheme: string,
  rules: SchemeOptionRules,
  key: string,
  value: string,
  into: SigningOptions,
): SchemeOptionProblem | null {
  const rule = rules.options[key];
  if (rule === undefined) {
    const known = ['id', ...Object.keys(rules.options)].join(', ');
    const severity = rules.unknownSeverity ?? 'error';
    const message = `Unknown ${scheme} signing option "${key}"; known options: ${known}.`;
    return { code: 'sign-unknown-option', severity, message };
  }
  const check = typeof rule === 'function' ? rule : rule.check;
  const error = typeof rule === 'function' && value.includes('{{') ? null : check(value);
  if (error !== null) {
    return { code: 'sign-bad-option', severity: 'error', message: `Signing option ${key}="${value}" ${error}.` };
  }
  if (typeof rule === 'function') into.parameters = { ...into.parameters, [key]: value };
  else rule.apply(value, into);
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
  return {
    code: 'sign-missing-option',
    severity: 'error',
    message: `${scheme} signing needs ${list} in the # @sign directive.`,
  };
}
