import { directiveOf, type ParsedRequest } from '../model/document';

/**
 * Static view of a request's signing, for lenses and commands before variables are resolved:
 * whether it is signed (Authorization `hmac`/`Signature` template or a `# @sign` directive other than
 * `none`) and the key id written in the file, when there is one.
 */
export function requestSigningHints(
  request: ParsedRequest,
  environmentSigns = false,
): { isSigned: boolean; keyId: string | null } {
  const directive = directiveOf(request, 'sign');
  if (directive && /^none\b/i.test(directive.value.trim())) return { isSigned: false, keyId: null };
  const authorization = request.headers.find((header) => header.name.toLowerCase() === 'authorization');
  const template = authorization && /^\s*(hmac\s|signature\s)/i.test(authorization.value) ? authorization.value : null;
  const fromTemplate = template?.match(/(?:\bid|keyId)\s*=\s*"([^"]*)"/i)?.[1] ?? null;
  const fromDirective = directive?.value.match(/\b(?:id|keyId|key)\s*=\s*"?([^"\s]+)"?/i)?.[1] ?? null;
  return {
    isSigned: template !== null || directive !== null || environmentSigns,
    keyId: fromDirective ?? fromTemplate,
  };
}

/** Distinct key ids written in a file (for "Store Secret Key…" pickers). */
export function keyIdsInRequests(requests: readonly ParsedRequest[]): string[] {
  const ids = new Set<string>();
  for (const request of requests) {
    const keyId = requestSigningHints(request).keyId;
    if (keyId && !keyId.includes('{{')) ids.add(keyId);
  }
  return [...ids];
}
