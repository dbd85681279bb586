import assert from 'node:assert/strict';
import { constants, createPublicKey, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';

import { createSigningPlan } from '../../../../src/core/signing/createSigningPlan';
import { signatureBase } from '../../../../src/core/signing/rfc9421Base';
import { parseSignatureInput, serializeComponent } from '../../../../src/core/signing/rfc9421Components';
import { signRequest } from '../../../../src/core/signing/signRequest';
import { clockAt, itIsTheSharedCopy, readVectors, type VectorRequest, vectorRequest } from './cloudVectorKit';

interface Rfc9421Vector {
  name: string;
  request: VectorRequest & { status?: number };
  credentials: {
    alg: string;
    keyid?: string;
    sharedSecretBase64?: string;
    privateKeyPem?: string;
    publicKeyPem?: string;
  };
  signing?: { label: string; components: string[]; params: { created: number; keyid: string } };
  expected: { signatureBase: string; signatureInput: string; signature: string };
}

const vectors = readVectors<Rfc9421Vector>('rfc9421-vectors.json');

function headerOf(headers: readonly { name: string; value: string }[], name: string): string | undefined {
  return headers.find((header) => header.name.toLowerCase() === name.toLowerCase())?.value;
}

/** The vector's Signature value without `label=:` and `:`. */
function signatureBytes(vector: Rfc9421Vector): Buffer {
  return Buffer.from(vector.expected.signature.replace(/^[^=]+=:/, '').replace(/:$/, ''), 'base64');
}

/** What `# @sign rfc9421 …` says for a vector whose components and parameters come from its Signature-Input. */
function optionsFromInput(vector: Rfc9421Vector): Record<string, string> {
  const [member] = parseSignatureInput(vector.expected.signatureInput);
  const options: Record<string, string> = {
    alg: vector.credentials.alg,
    label: member.label,
    components: member.components.map((component) => serializeComponent(component).replace(/"/g, '')).join(' '),
    digest: 'sha-512',
  };
  if (typeof member.params.nonce === 'string') options.nonce = member.params.nonce;
  if (typeof member.params.tag === 'string') options.tag = member.params.tag;
  return options;
}

describe('rfc9421 vectors (RFC 9421 Appendix B, ../shared/spec/vectors/rfc9421-vectors.json)', () => {
  itIsTheSharedCopy('rfc9421-vectors.json');

  it('holds the six entries B.2.1–B.2.6', () => {
    assert.equal(vectors.length, 6);
  });

  for (const vector of vectors.filter((candidate) => candidate.signing !== undefined)) {
    it(`${vector.name}: signature base, Signature-Input and Signature byte for byte`, () => {
      const signing = vector.signing!;
      const secret = vector.credentials.sharedSecretBase64 ?? vector.credentials.privateKeyPem ?? '';
      const plan = createSigningPlan('rfc9421', signing.params.keyid, {
        parameters: {
          alg: vector.credentials.alg,
          label: signing.label,
          components: signing.components.join(' '),
          digest: 'sha-512',
          ...(vector.credentials.sharedSecretBase64 ? { 'key-encoding': 'base64' } : {}),
        },
      });
      const signed = signRequest(vectorRequest(vector.request), plan, secret, clockAt(signing.params.created * 1000));
      assert.equal(signed.signing.signingString, vector.expected.signatureBase);
      assert.equal(headerOf(signed.request.headers, 'signature-input'), vector.expected.signatureInput);
      assert.equal(headerOf(signed.request.headers, 'signature'), vector.expected.signature);
      // The Content-Digest the signer computed (sha-512) is the one the RFC's request carries.
      assert.equal(
        headerOf(signed.request.headers, 'content-digest'),
        headerOf(
          vector.request.headers.map(([name, value]) => ({ name, value })),
          'content-digest',
        ),
      );
    });
  }

  // RSA-PSS and ECDSA signatures are randomised, and the file has only the public keys: the base and
  // Signature-Input are rebuilt exactly and the published signature is verified with the public key.
  for (const vector of vectors.filter((candidate) => candidate.signing === undefined)) {
    it(`${vector.name}: base and Signature-Input rebuilt exactly, the published signature verifies`, () => {
      const [member] = parseSignatureInput(vector.expected.signatureInput);
      const message = {
        ...(vector.request.status === undefined
          ? { method: vector.request.method, url: vector.request.url }
          : { status: vector.request.status }),
        headers: vector.request.headers.map(([name, value]) => ({ name, value })),
      };
      const { base, signatureParams } = signatureBase(message, member.components, member.params);
      assert.equal(base, vector.expected.signatureBase);
      assert.equal(`${member.label}=${signatureParams}`, vector.expected.signatureInput);
      const key = createPublicKey(vector.credentials.publicKeyPem!);
      const verifies = (text: string) =>
        vector.credentials.alg === 'rsa-pss-sha512'
          ? verify(
              'sha512',
              Buffer.from(text),
              { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 },
              signatureBytes(vector),
            )
          : verify('sha256', Buffer.from(text), { key, dsaEncoding: 'ieee-p1363' }, signatureBytes(vector));
      assert.ok(verifies(base), 'the published signature verifies with the published public key');
      assert.ok(!verifies(`${base.slice(0, -1)}x`), 'a changed byte does not');
    });
  }

  let rsa: { privateKey: KeyObject; publicKey: KeyObject };
  before(() => {
    rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  });
  for (const vector of vectors.filter((candidate) => candidate.credentials.alg === 'rsa-pss-sha512')) {
    it(`${vector.name}: the signer builds the same base and its RSA-PSS signature verifies (fresh key: the RFC's private key is not in the file)`, () => {
      const { privateKey, publicKey } = rsa;
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const plan = createSigningPlan('rfc9421', 'test-key-rsa-pss', { parameters: optionsFromInput(vector) });
      const signed = signRequest(vectorRequest(vector.request), plan, pem, clockAt(1618884473 * 1000));
      assert.equal(signed.signing.signingString, vector.expected.signatureBase);
      assert.equal(headerOf(signed.request.headers, 'signature-input'), vector.expected.signatureInput);
      const signature = Buffer.from(signed.signing.signature, 'base64');
      const options = { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 };
      assert.ok(verify('sha512', Buffer.from(signed.signing.signingString), options, signature));
    });
  }
});
