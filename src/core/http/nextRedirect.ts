import type { OutgoingRequest } from '../model/outgoing';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const bodyHeaders = new Set(['content-length', 'content-type', 'content-md5', 'content-encoding', 'digest']);
const credentialHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * The request to send after a redirect, or null when `status`/`location` is not a redirect.
 * 303 (and 301/302 after POST) becomes a body-less GET. A Host header follows the new URL.
 * Leaving the origin drops credentials; either way the caller re-signs the hop.
 */
export function nextRedirect(
  current: OutgoingRequest,
  status: number,
  location: string | null,
): OutgoingRequest | null {
  if (!redirectStatuses.has(status) || location === null) return null;
  const from = new URL(current.url);
  const to = new URL(location, from);
  const becomesGet = status === 303 || ((status === 301 || status === 302) && current.method.toUpperCase() === 'POST');
  const sameOrigin = from.origin === to.origin;
  const headers = current.headers
    .filter((header) => !(becomesGet && bodyHeaders.has(header.name.toLowerCase())))
    .filter((header) => sameOrigin || !credentialHeaders.has(header.name.toLowerCase()))
    .map((header) => (header.name.toLowerCase() === 'host' ? { name: header.name, value: to.host } : header));
  return {
    method: becomesGet && current.method.toUpperCase() !== 'HEAD' ? 'GET' : current.method,
    url: to.href,
    headers,
    body: becomesGet ? null : current.body,
  };
}
