import type { AuthorizationTemplate } from './parseAuthorizationTemplate';
import { parseSignatureInput, serializeComponent } from './rfc9421Components';

/**
 * Templates of the standard schemes (signing-clouds.md §1.5): `Authorization: EG1-HMAC-SHA256
 * client_token=…`, `OAuth …`, `Digest …`, and a `Signature-Input` header. The identity (key id,
 * access token, token, realm, covered components, label) is kept; time, nonce and signature are
 * regenerated. Null when the header is none of these.
 */
export function standardSchemeTemplate(lowerName: string, text: string): AuthorizationTemplate | null {
  if (lowerName === 'signature-input') return signatureInputTemplate(text);
  if (lowerName !== 'authorization') return null;
  if (/^EG1-HMAC-SHA256\s/i.test(text)) return edgegridTemplate(text);
  if (/^OAuth\s/i.test(text)) return oauthTemplate(text.slice(6));
  if (/^Digest\s/i.test(text)) return digestTemplate(text.slice(7));
  return null;
}

function template(
  scheme: AuthorizationTemplate['scheme'],
  keyId: string | null,
  parameters: Record<string, string>,
): AuthorizationTemplate {
  return { scheme, keyId, algorithm: null, signedHeaders: null, signatureHeader: 'Authorization', parameters };
}

function edgegridTemplate(text: string): AuthorizationTemplate {
  const fields = new Map<string, string>();
  for (const match of text.matchAll(/([a-z_]+)=([^;]*)/g)) fields.set(match[1], match[2].trim());
  const accessToken = fields.get('access_token');
  return template(
    'akamai-edgegrid',
    fields.get('client_token') ?? null,
    accessToken ? { 'access-token': accessToken } : {},
  );
}

function quotedFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of text.matchAll(/([A-Za-z_*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    fields.set(match[1].toLowerCase(), decodeURIComponentSafe(match[2] ?? match[3] ?? ''));
  }
  return fields;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function oauthTemplate(text: string): AuthorizationTemplate {
  const fields = quotedFields(text);
  const options: Record<string, string> = {};
  const token = fields.get('oauth_token');
  if (token) options.token = token;
  const realm = fields.get('realm');
  if (realm !== undefined) options.realm = realm;
  if (!fields.has('oauth_version')) options.version = 'none';
  return template('oauth1', fields.get('oauth_consumer_key') ?? null, options);
}

function digestTemplate(text: string): AuthorizationTemplate {
  const fields = quotedFields(text);
  const algorithm = fields.get('algorithm');
  return template('digest', fields.get('username') ?? null, algorithm ? { algorithm: algorithm.toLowerCase() } : {});
}

function signatureInputTemplate(text: string): AuthorizationTemplate | null {
  const [member] = parseSignatureInput(text);
  if (member === undefined || member.label === '') return null;
  const options: Record<string, string> = {
    label: member.label,
    components: member.components.map((component) => serializeComponent(component).replace(/"/g, '')).join(' '),
  };
  if (typeof member.params.alg === 'string') {
    options.alg = member.params.alg;
    options['alg-param'] = 'yes';
  }
  if (member.params.created === undefined) options.created = 'no';
  if (typeof member.params.tag === 'string') options.tag = member.params.tag;
  if (member.params.nonce !== undefined) options.nonce = 'auto';
  if (typeof member.params.expires === 'number' && typeof member.params.created === 'number') {
    options.expires = String(member.params.expires - member.params.created);
  }
  const keyId = typeof member.params.keyid === 'string' ? member.params.keyid : null;
  return { ...template('rfc9421', keyId, options), signatureHeader: 'Signature' };
}
