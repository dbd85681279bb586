import type { Diagnostic } from '../model/diagnostic';

/** One line of the file (1-based) with its text, as far as it is known. */
export interface NumberedLine {
  line: number;
  text: string;
}

/** `name = value`, `name: value`, `"name": "value"` with a secret-looking name. */
const assignmentPattern =
  /(^|[\s"'{,@])([\w-]*(?:secret[_-]?key|secretkey|app[_-]?secret|api[_-]?secret|client[_-]?secret|secret[_-]?access[_-]?key|access[_-]?key[_-]?secret)[\w-]*)["']?\s*[:=]\s*["']?([^"'\s,;}]*)/i;
const keyIdPattern = /\b(AKID|APID|AKIA|ASIA|LTAI)[A-Za-z0-9]{8,}/;
const keyIdPrefix = /^(AKID|APID|AKIA|ASIA|LTAI)/;

/** Vendor key shapes: an AWS secret access key (40 of A–Z a–z 0–9 / +) and an Alibaba AccessKey secret (30 alphanumerics). */
const vendorSecrets: [RegExp, RegExp, string][] = [
  [
    /\b(AKIA|ASIA)[A-Z0-9]{16}\b/,
    /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    'A 40-character AWS secret access key next to an AKIA…/ASIA… access key id',
  ],
  [
    /\bLTAI[A-Za-z0-9]{12,20}\b/,
    /(?<![A-Za-z0-9])[A-Za-z0-9]{30}(?![A-Za-z0-9])/g,
    'An Alibaba Cloud AccessKey secret next to an LTAI… AccessKey id',
  ],
];
const tokenPattern = /[A-Za-z0-9+/=_-]{24,}/g;

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/** A long token mixing upper case, lower case and digits with high entropy, like a generated key. */
export function looksLikeGeneratedKey(token: string): boolean {
  if (keyIdPattern.test(token) || !/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token)) return false;
  return shannonEntropy(token) >= 4;
}

function isLiteral(value: string): boolean {
  return value.length >= 6 && !value.includes('{{') && !/^(x+|\*+|\.+|your[\w-]*|<[^>]*>?)$/i.test(value);
}

function literalSecret(line: number, column: number | undefined, length: number, what: string): Diagnostic {
  const diagnostic: Diagnostic = {
    line,
    severity: 'warning',
    code: 'literal-secret',
    message: `${what} looks like a literal secret key in the file. Store it with "GW HTTP: Store Secret Key", or in GWHTTP_SECRET_<KEYID> / a .env file, and remove it from here.`,
  };
  if (column !== undefined) {
    diagnostic.column = column;
    diagnostic.endColumn = column + length;
  }
  return diagnostic;
}

/** A PEM private key (PKCS#8, PKCS#1, SEC 1, OpenSSH), also inside a JSON string with `\n` escapes. */
const pemPrivateKeyPattern = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/;

function pemSecret(entry: NumberedLine): Diagnostic | null {
  if (!entry.text.includes('-----BEGIN')) return null;
  const match = pemPrivateKeyPattern.exec(entry.text);
  return match ? literalSecret(entry.line, match.index, match[0].length, 'A PEM private key') : null;
}

/** Every name the assignment pattern knows holds "secret": most lines are ruled out by that alone. */
const mentionsSecret = /secret/i;

function assignmentSecret(entry: NumberedLine): Diagnostic | null {
  if (!mentionsSecret.test(entry.text)) return null;
  const match = assignmentPattern.exec(entry.text);
  if (!match || !isLiteral(match[3])) return null;
  const column = entry.text.indexOf(match[3], match.index + match[1].length + match[2].length);
  return literalSecret(entry.line, column, match[3].length, `The value of "${match[2]}"`);
}

const signaturePattern = /signature\s*=\s*"[^"]*"/gi;
const mentionsSignature = /signature/i;

function entropySecrets(entry: NumberedLine): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Most lines are too short to hold a token, and few hold a signature="…" to blank out.
  if (entry.text.length < 24) return found;
  const withoutSignature = mentionsSignature.test(entry.text)
    ? entry.text.replace(signaturePattern, (text) => ' '.repeat(text.length))
    : entry.text;
  // exec over the one global pattern (matchAll would copy the pattern for every line).
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(withoutSignature); match !== null; match = tokenPattern.exec(withoutSignature)) {
    if (looksLikeGeneratedKey(match[0])) {
      found.push(literalSecret(entry.line, match.index, match[0].length, 'A long random value next to a key id'));
    }
  }
  return found;
}

/** AWS / Alibaba secrets of their exact shape within two lines of their vendor's key id. */
function vendorKeySecrets(lines: readonly NumberedLine[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [idPattern, secretPattern, what] of vendorSecrets) {
    const near = linesNear(lines, idPattern);
    for (const entry of lines) {
      if (!near.has(entry.line)) continue;
      for (const match of entry.text.matchAll(secretPattern)) {
        if (!keyIdPrefix.test(match[0]) && /\d/.test(match[0]) && /[a-z]/i.test(match[0])) {
          found.push(literalSecret(entry.line, match.index, match[0].length, what));
        }
      }
    }
  }
  return found;
}

/** Line numbers within two lines of a line holding an `AKID…`/`APID…`/`AKIA…`/`ASIA…`/`LTAI…` key id. */
function linesNear(lines: readonly NumberedLine[], pattern: RegExp): Set<number> {
  const near = new Set<number>();
  for (const entry of lines) {
    if (!pattern.test(entry.text)) continue;
    for (let offset = -2; offset <= 2; offset++) near.add(entry.line + offset);
  }
  return near;
}

/**
 * Literal secret-looking values: `SecretKey`/`secret_key`-style assignments and headers, `@secretKey = …`
 * variables, PEM private keys, AWS (`AKIA…`/`ASIA…` + 40 characters) and Alibaba (`LTAI…` + 30) secrets of
 * their vendor's shape, and long high-entropy values within two lines of a key id.
 */
export function findLiteralSecrets(lines: readonly NumberedLine[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const nearKeyId = linesNear(lines, keyIdPattern);
  const vendor = vendorKeySecrets(lines);
  const flagged = new Set(vendor.map((diagnostic) => diagnostic.line));
  diagnostics.push(...vendor);
  for (const entry of lines) {
    const assignment = assignmentSecret(entry) ?? pemSecret(entry);
    if (assignment !== null) {
      diagnostics.push(assignment);
      continue;
    }
    if (nearKeyId.has(entry.line) && !flagged.has(entry.line)) diagnostics.push(...entropySecrets(entry));
  }
  return diagnostics;
}
