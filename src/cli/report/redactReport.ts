import { redactSecrets } from '../../core/presentation/redactSecrets';

/** A copy of JSON-shaped report data with every known secret masked in every string. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return JSON.parse(JSON.stringify(value), (_key, field: unknown) =>
    typeof field === 'string' ? redactSecrets(field, secrets) : field,
  ) as T;
}
