/**
 * A client certificate for mutual TLS, its files already read: PEM `cert` + `key`, or a `pfx`
 * (PKCS#12), each with an optional passphrase.
 */
export interface ClientCertificate {
  /**
   * Names the material for pooling (the host pattern and the files it came from; never the
   * passphrase): requests with the same id share connections.
   */
  id: string;
  cert?: Buffer;
  key?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
}

/** The TLS options of `certificate` (what `tls.connect` and an https agent take). */
export function certificateTlsOptions(certificate: ClientCertificate): {
  cert?: Buffer;
  key?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
} {
  const options: { cert?: Buffer; key?: Buffer; pfx?: Buffer; passphrase?: string } = {};
  if (certificate.cert) options.cert = certificate.cert;
  if (certificate.key) options.key = certificate.key;
  if (certificate.pfx) options.pfx = certificate.pfx;
  if (certificate.passphrase !== undefined) options.passphrase = certificate.passphrase;
  return options;
}
