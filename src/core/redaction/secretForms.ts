/** The forms a secret takes in output: as it is, URL-encoded, JSON-escaped, and inside base64. */
export interface SecretForms {
  /** Exact texts to mask: the secret and its URL-encoded and JSON-escaped forms. */
  plain: string[];
  /**
   * The base64 (and base64url) characters that depend on the secret alone, at each of the three byte
   * alignments it can have inside a longer encoded value (`Basic base64(user:password)`). Where one
   * occurs, the whole base64 run around it is masked.
   */
  base64: string[];
}

export function secretForms(secret: string): SecretForms {
  const url = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const plain = [
    secret,
    url,
    url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    url.replace(/%20/g, '+'),
    url.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`),
    json,
    json.replace(/\//g, '\\/'),
    json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ];
  const cores = [0, 1, 2].map((offset) => base64Core(Buffer.from(secret, 'utf8'), offset));
  const base64 = [...cores, ...cores.map((core) => core.replace(/\+/g, '-').replace(/\//g, '_'))];
  return { plain: [...new Set(plain)], base64: [...new Set(base64)].filter((core) => core.length > 0) };
}

/** The characters of base64(`offset` unknown bytes + secret) that no unknown byte before or after touches. */
function base64Core(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
  const firstWhole = [0, 2, 3][offset];
  const lastWhole = Math.floor(((offset + bytes.length) * 8) / 6);
  return encoded.slice(firstWhole, lastWhole);
}
