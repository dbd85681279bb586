import { splitTopLevel } from './rfc9421Components';

/** One `WWW-Authenticate: Digest …` challenge (RFC 7616 §3.3), parameter names lower case. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | null;
  /** As written (`MD5` when absent), upper case. */
  algorithm: string;
  qop: string[];
  stale: boolean;
  userhash: boolean;
}

function unescapeQuoted(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('"')) return text;
  return text.slice(1, text.endsWith('"') ? -1 : undefined).replace(/\\(.)/g, '$1');
}

function parameters(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of splitTopLevel(text, ',')) {
    const equalsAt = part.indexOf('=');
    if (equalsAt < 0) continue;
    found.set(part.slice(0, equalsAt).trim().toLowerCase(), unescapeQuoted(part.slice(equalsAt + 1)));
  }
  return found;
}

/**
 * Every Digest challenge in the WWW-Authenticate values (a server may offer one per algorithm, in
 * one field or several). Other schemes (Basic, Bearer) are skipped.
 */
export function parseDigestChallenges(values: readonly string[]): DigestChallenge[] {
  const challenges: DigestChallenge[] = [];
  for (const value of values) {
    for (const piece of value.split(/(?:^|,)\s*(?=[A-Za-z][\w-]*\s+[A-Za-z][\w-]*\s*=)/)) {
      const match = /^\s*digest\s+(.*)$/is.exec(piece);
      if (!match) continue;
      const found = parameters(match[1]);
      const nonce = found.get('nonce');
      if (nonce === undefined) continue;
      challenges.push({
        realm: found.get('realm') ?? '',
        nonce,
        opaque: found.get('opaque') ?? null,
        algorithm: (found.get('algorithm') ?? 'MD5').toUpperCase(),
        qop: (found.get('qop') ?? '')
          .split(',')
          .map((item) => item.trim().toLowerCase())
          .filter((item) => item !== ''),
        stale: /^true$/i.test(found.get('stale') ?? ''),
        userhash: /^true$/i.test(found.get('userhash') ?? ''),
      });
    }
  }
  return challenges;
}
