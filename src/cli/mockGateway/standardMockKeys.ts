/**
 * Public demo credentials of the standard schemes for the local mock gateway only (documented in
 * examples/README.md, passed by scripts/main-job.mjs through GWHTTP_SECRET_<ID>). Worthless elsewhere.
 */
export const demoRfc9421HmacKeyId = 'gwhttp-demo-rfc9421';
export const demoRfc9421HmacSecret = 'gwhttp-demo-rfc9421-secret-not-a-real-key';
export const demoEd25519KeyId = 'gwhttp-demo-ed25519';
/** The demo Ed25519 private key (PKCS#8 PEM): public on purpose, accepted only by this mock. */
export const demoEd25519PrivateKey =
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEICUOQik12tW21rMkJX7J+DzeQEjoB4PBKg4HM3HgD01y\n-----END PRIVATE KEY-----\n';
export const demoEd25519PublicKey =
  '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAfYLKzhvJFABBjF8fZa1A1vtIjwqMw/4NM7qkDKHCGz8=\n-----END PUBLIC KEY-----\n';

export const demoEdgegridClientToken = 'akab-gwhttp-demo-client-token';
export const demoEdgegridAccessToken = 'akab-gwhttp-demo-access-token';
export const demoEdgegridSecret = 'gwhttp-demo-edgegrid-secret-not-a-real-key=';

export const demoOauthConsumerKey = 'gwhttp-demo-consumer';
export const demoOauthConsumerSecret = 'gwhttp-demo-consumer-secret-not-a-real-key';
export const demoOauthToken = 'gwhttp-demo-token';
export const demoOauthTokenSecret = 'gwhttp-demo-token-secret-not-a-real-key';

export const demoDigestUser = 'gwhttp-demo-user';
export const demoDigestPassword = 'gwhttp-demo-password-not-a-real-one';

/** Every demo secret by the key id gwhttp looks it up with (for scripts and tests). */
export function standardDemoSecrets(): Record<string, string> {
  return {
    [demoRfc9421HmacKeyId]: demoRfc9421HmacSecret,
    [demoEd25519KeyId]: demoEd25519PrivateKey,
    [demoEdgegridClientToken]: demoEdgegridSecret,
    [demoOauthConsumerKey]: demoOauthConsumerSecret,
    [demoOauthToken]: demoOauthTokenSecret,
    [demoDigestUser]: demoDigestPassword,
  };
}
