import { getProxyForUrl } from 'proxy-from-env';

/**
 * The proxy URL for `url` under the given environment (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY,
 * any case), or null. proxy-from-env reads `process.env` only, so the given environment is put in
 * its place for the duration of this synchronous call and the original is restored at once.
 */
export function proxyForUrl(url: string, env: Record<string, string | undefined>): string | null {
  const original = process.env;
  process.env = { ...env };
  try {
    const proxy = getProxyForUrl(url);
    return proxy === '' ? null : proxy;
  } finally {
    process.env = original;
  }
}
