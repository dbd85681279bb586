/** `Host: example.com/release` → `example.com`; null when the value is already a bare host. */
export function bareHost(value: string): string | null {
  const trimmed = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = trimmed.split(/[/?#]/)[0];
  return host !== '' && host !== value.trim() ? host : null;
}
