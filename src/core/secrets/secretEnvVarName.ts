/** `GWHTTP_SECRET_<KEYID>`: every character of the key id outside `A-Za-z0-9` becomes `_`, case kept. */
export function secretEnvVarName(keyId: string): string {
  return `GWHTTP_SECRET_${keyId.replace(/[^A-Za-z0-9]/g, '_')}`;
}
