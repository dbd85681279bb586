import type { HeaderField } from '../model/outgoing';
import type { SecretSource } from '../ports';
import { credentialHeaderValue } from './credentialHeaders';
import { redactText } from './redactText';
import { type SecretForms, secretForms } from './secretForms';
import { minSecretLength } from './secretMask';
import { processEnvSecrets } from './secretValues';
import { watchSecretSource } from './watchSecretSource';

/**
 * The one redaction point: it knows the secrets of a run (or of an editor session) and masks them in
 * every output, as they are, URL-encoded, JSON-escaped or inside base64, and masks credential headers.
 * Whoever hands out a secret tells it: a watched secret source, the run (signing options such as a
 * session token), `add` for anything else (an OAuth token).
 */
export class Redactor {
  private readonly known = new Map<string, SecretForms>();
  /** The forms, longest secret first (a secret inside another is masked after it), rebuilt after an add. */
  private ordered: SecretForms[] | null = null;

  constructor(values: Iterable<string> = []) {
    this.addAll(values);
  }

  /** Masks `value` from now on (values under 4 characters are ignored). */
  add(value: string): void {
    if (value.length < minSecretLength || this.known.has(value)) return;
    this.known.set(value, secretForms(value));
    this.ordered = null;
  }

  addAll(values: Iterable<string>): void {
    for (const value of values) this.add(value);
  }

  /** The secrets known so far. */
  get values(): string[] {
    return [...this.known.keys()];
  }

  /** The same source, with every secret it hands out masked from then on. */
  watch<T extends SecretSource>(source: T): T {
    return watchSecretSource(source, (secret) => this.add(secret));
  }

  text(text: string): string {
    if (this.known.size === 0) return text;
    this.ordered ??= [...this.known.entries()].sort(([a], [b]) => b.length - a.length).map(([, forms]) => forms);
    return redactText(text, this.ordered);
  }

  /** Credential header values masked whole, known secrets masked in every other name and value. */
  headers(headers: readonly HeaderField[]): HeaderField[] {
    return headers.map((header) => ({ name: this.text(header.name), value: this.headerValue(header) }));
  }

  /**
   * A copy of JSON-shaped data (a report, a `--json` result) with every string redacted, and the value
   * of each `{name, value}` credential header masked. The copy is what `JSON.parse(JSON.stringify(value))`
   * gives (`toJSON` called, `undefined` and functions left out of objects and `null` in arrays,
   * non-finite numbers `null`), made in one walk: a JSON round trip with a reviver per result was the
   * largest cost of `gwhttp send --json` after the transport.
   */
  deep<T>(value: T): T {
    return this.copy(value) as T;
  }

  private copy(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value !== 'object' || value === null) return value;
    const json = (value as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') return this.copy((json as (key: string) => unknown).call(value, ''));
    if (Array.isArray(value)) {
      return value.map((item: unknown) => (isDropped(item) ? null : this.copy(item)));
    }
    const copied: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = (value as Record<string, unknown>)[key];
      if (isDropped(field)) continue;
      // A `__proto__` key is an own field in JSON; assigning it would set the copy's prototype.
      if (key === '__proto__') {
        Object.defineProperty(copied, key, {
          value: this.copy(field),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else copied[key] = this.copy(field);
    }
    if (isHeaderField(copied)) copied.value = credentialHeaderValue(copied.name, copied.value) ?? copied.value;
    return copied;
  }

  private headerValue(header: HeaderField): string {
    const credential = credentialHeaderValue(header.name, header.value);
    return credential === null ? this.text(header.value) : this.text(credential);
  }
}

/** What JSON leaves out of an object (and writes as `null` in an array). */
function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isHeaderField(value: unknown): value is HeaderField {
  if (typeof value !== 'object' || value === null) return false;
  const { name, value: headerValue } = value as Partial<HeaderField>;
  return typeof name === 'string' && typeof headerValue === 'string';
}

/** A run's redactor, knowing from the start every secret the process environment holds (`GWHTTP_SECRET_*`, AWS). */
export function runRedactor(env: Readonly<Record<string, string | undefined>>): Redactor {
  return new Redactor(processEnvSecrets(env));
}
