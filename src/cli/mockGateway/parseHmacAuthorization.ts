/**
 * The mock gateway's own reader of `Authorization: hmac id="…", algorithm="…", headers="…", signature="…"`
 * (independent of src/core/signing). The parameters may come in any order; each must be `name="value"`.
 */
export type AuthorizationParse =
  | { kind: 'ok'; id: string; algorithm: string; headers: string[]; signature: string }
  | { kind: 'badFormat' }
  | { kind: 'missingIdOrSignature' }
  | { kind: 'missingParams' };

const parameterPattern = /^\s*([A-Za-z]+)\s*=\s*"([^"]*)"\s*$/;

export function parseHmacAuthorization(value: string): AuthorizationParse {
  const match = /^hmac\s+(.+)$/s.exec(value.trim());
  if (!match) return { kind: 'badFormat' };
  const params = new Map<string, string>();
  for (const part of match[1].split(',')) {
    const parameter = parameterPattern.exec(part);
    if (!parameter) return { kind: 'badFormat' };
    params.set(parameter[1].toLowerCase(), parameter[2]);
  }
  const id = params.get('id');
  const signature = params.get('signature');
  if (!id || !signature) return { kind: 'missingIdOrSignature' };
  const algorithm = params.get('algorithm');
  const headers = params.get('headers');
  if (!algorithm || headers === undefined || headers.trim() === '') return { kind: 'missingParams' };
  return {
    kind: 'ok',
    id,
    algorithm: algorithm.toLowerCase(),
    headers: headers
      .trim()
      .split(/\s+/)
      .map((name) => name.toLowerCase()),
    signature,
  };
}
