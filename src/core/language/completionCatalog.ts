/** What the editor offers to complete: methods, directives, common headers and their values. */

export interface CatalogEntry {
  label: string;
  description: string;
  /** Snippet text (VS Code snippet syntax) when it differs from the label. */
  snippet?: string;
}

export const httpMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'];

export const directives: CatalogEntry[] = [
  {
    label: 'name',
    description: 'Names the request so others can use its response: {{NAME.response.body.$.token}}.',
    snippet: 'name ${1:requestName}',
  },
  {
    label: 'sign',
    description:
      'Signs the request with a gateway scheme, e.g. `# @sign tencent-keypair id={{keyId}}`; `# @sign none` turns signing off.',
    snippet: 'sign ${1|tencent-keypair,tencent-app,kong,apisix,apisix-legacy,cavage,none|} id=${2:{{keyId\\}\\}}',
  },
  { label: 'timeout', description: 'Timeout for this request in milliseconds.', snippet: 'timeout ${1:10000}' },
  { label: 'no-redirect', description: 'Do not follow 3xx redirects for this request.' },
  { label: 'insecure', description: 'Skip TLS certificate verification for this request.' },
  {
    label: 'expect-snapshot',
    description: "Compare the response's status, header names and JSON shape with the snapshot beside the file.",
  },
  {
    label: 'repeat',
    description:
      'Send this request N times in a run (a count per result); before the first `###`, every request of the file.',
    snippet: 'repeat ${1:5}',
  },
  {
    label: 'parallel',
    description:
      "Up to N sends at a time: of this request's repeats, or before the first `###`, of the whole file (chained requests still wait for what they read).",
    snippet: 'parallel ${1:4}',
  },
  {
    label: 'note',
    description: 'Ask for confirmation before sending (for requests that change real data).',
    snippet: 'note ${1:This request changes production data}',
  },
  {
    label: 'prompt',
    description:
      'Ask for a variable when the request is sent (an input box; masked for names like password or token), e.g. `# @prompt orderId Order to cancel`.',
    snippet: 'prompt ${1:name} ${2:description}',
  },
  {
    label: 'auth',
    description:
      'Adds `Authorization: Bearer <token>` from the OAuth2 configuration NAME under "$oauth2" in the environment (fetched, cached and refreshed), unless the request has an Authorization header.',
    snippet: 'auth oauth2 ${1:name}',
  },
  {
    label: 'save',
    description: 'Write the response body to this file (relative to the request file; replaced each time).',
    snippet: 'save ${1:./responses/response.json}',
  },
];

/** `# @sign` options shared by every scheme (signing.md). */
export const signOptions: CatalogEntry[] = [
  {
    label: 'id',
    description: 'The key id (SecretId / key name). The secret is looked up by it; never write the secret here.',
    snippet: 'id=${1:{{keyId\\}\\}}',
  },
  {
    label: 'algorithm',
    description: 'hmac-sha1, hmac-sha256, hmac-sha384 or hmac-sha512 (the scheme decides the default).',
    snippet: 'algorithm=${1|hmac-sha1,hmac-sha256,hmac-sha384,hmac-sha512|}',
  },
  {
    label: 'headers',
    description: 'Headers to sign, space separated in quotes, e.g. headers="x-date source".',
    snippet: 'headers="${1:x-date}"',
  },
  { label: 'date', description: 'The date header to set and sign: date or x-date.', snippet: 'date=${1|x-date,date|}' },
  {
    label: 'source',
    description: 'Value of the Source header (Tencent key-pair watermark).',
    snippet: 'source=${1:gwhttp}',
  },
  {
    label: 'digest',
    description: 'Bind the body with a Digest header (Kong, APISIX, cavage).',
    snippet: 'digest=${1|true,false|}',
  },
  {
    label: 'strip-env',
    description: 'Tencent app auth: drop the environment (/release) from the signed path.',
    snippet: 'strip-env=${1|true,false|}',
  },
  {
    label: 'encode',
    description: 'Percent-encode query values in the signed string.',
    snippet: 'encode=${1|true,false|}',
  },
  {
    label: 'signature-header',
    description: 'Where the signature goes: Authorization or Signature.',
    snippet: 'signature-header=${1|Authorization,Signature|}',
  },
  {
    label: 'http-version',
    description: 'HTTP version in a signed request-line (Kong), e.g. 1.1.',
    snippet: 'http-version=${1:1.1}',
  },
];

export const signOptionValues: Record<string, string[]> = {
  algorithm: ['hmac-sha1', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'],
  date: ['x-date', 'date'],
  digest: ['true', 'false'],
  'strip-env': ['true', 'false'],
  encode: ['true', 'false'],
  'signature-header': ['Authorization', 'Signature'],
};

export const signSchemes: CatalogEntry[] = [
  { label: 'tencent-keypair', description: 'Tencent Cloud API Gateway key-pair authentication (hmac id=…, X-Date).' },
  { label: 'tencent-app', description: 'Tencent Cloud API Gateway application authentication (X-Date, Content-MD5).' },
  { label: 'kong', description: 'Kong hmac-auth plugin (Date, request-line).' },
  { label: 'apisix', description: 'Apache APISIX hmac-auth (Signature keyId=…, @request-target).' },
  { label: 'apisix-legacy', description: 'Apache APISIX hmac-auth before 3.11 (X-HMAC-* headers).' },
  { label: 'cavage', description: 'draft-cavage-http-signatures (Signature keyId=…, (request-target)).' },
  { label: 'none', description: 'Do not sign this request, even when the environment sets a default.' },
];

export const commonHeaders: CatalogEntry[] = [
  { label: 'Accept', description: 'Media types the client accepts.' },
  { label: 'Accept-Encoding', description: 'Content codings the client accepts.' },
  { label: 'Accept-Language', description: 'Preferred languages.' },
  {
    label: 'Authorization',
    description:
      'Credentials; for gateway signing an hmac template such as hmac id="…", algorithm="hmac-sha1", headers="x-date", signature="".',
  },
  { label: 'Cache-Control', description: 'Caching directives.' },
  { label: 'Connection', description: 'Connection options.' },
  { label: 'Content-MD5', description: 'Base64 MD5 of the body (Tencent app auth signs it).' },
  { label: 'Content-Type', description: 'Media type of the body.' },
  { label: 'Cookie', description: 'Cookies.' },
  { label: 'Date', description: 'Request date (set at send time when signed).' },
  { label: 'Host', description: 'Host and port only; gwhttp derives it from the URL when signing.' },
  { label: 'If-None-Match', description: 'Conditional request on an ETag.' },
  { label: 'Origin', description: 'Origin of the request (CORS).' },
  { label: 'Referer', description: 'Address of the previous page.' },
  { label: 'Source', description: 'Tencent key-pair signature watermark (signed when present).' },
  { label: 'User-Agent', description: 'Client identification.' },
  { label: 'X-Date', description: 'Request date the gateway checks (set at send time when signed).' },
  { label: 'X-Forwarded-For', description: 'Original client address.' },
  { label: 'X-Request-Id', description: 'Correlation id.' },
];

export const commonHeaderValues: Record<string, string[]> = {
  accept: ['application/json', 'application/xml', 'text/plain', 'text/html', '*/*'],
  'accept-encoding': ['gzip, deflate, br', 'gzip', 'identity'],
  authorization: [
    'hmac id="{{keyId}}", algorithm="hmac-sha1", headers="x-date", signature=""',
    'Signature keyId="{{keyId}}", algorithm="hmac-sha256", headers="(request-target) date", signature=""',
    'Bearer {{token}}',
    'Basic {{credentials}}',
  ],
  'cache-control': ['no-cache', 'no-store', 'max-age=0'],
  connection: ['keep-alive', 'close'],
  'content-type': [
    'application/json',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded;charset=utf-8',
    'multipart/form-data; boundary=gwhttp-boundary',
    'application/xml',
    'text/plain',
  ],
  date: ['{{$datetime rfc1123}}'],
  'x-date': ['{{$datetime rfc1123}}'],
  'x-request-id': ['{{$uuid}}'],
  'user-agent': ['gwhttp'],
};

/** What a `?? …` assertion can check (httpYac's subjects that gwhttp evaluates). */
export const assertionSubjects: CatalogEntry[] = [
  { label: 'status', description: 'The response status, e.g. ?? status == 200.', snippet: 'status ${1:==} ${2:200}' },
  {
    label: 'header',
    description: 'A response header by name, e.g. ?? header content-type includes json.',
    snippet: 'header ${1:content-type} ${2:includes} ${3:json}',
  },
  {
    label: 'body',
    description: 'The body, or a value in a JSON body by JSONPath ($.items[0].id) or dot path (items[0].id).',
    snippet: 'body ${1:\\$.id} ${2:==} ${3:1}',
  },
  {
    label: 'duration',
    description: 'The total time in milliseconds, e.g. ?? duration < 500.',
    snippet: 'duration ${1:<} ${2:500}',
  },
];

/** How a `?? …` assertion compares: the predicate and what it does. */
export const assertionPredicates: CatalogEntry[] = [
  { label: '==', description: 'equals (the value is converted to the found type; JSON for objects and arrays)' },
  { label: '!=', description: 'does not equal' },
  { label: '<', description: 'less than (numbers)' },
  { label: '<=', description: 'at most (numbers)' },
  { label: '>', description: 'greater than (numbers)' },
  { label: '>=', description: 'at least (numbers)' },
  { label: 'includes', description: 'a text contains it, or an array has it (alias contains)' },
  { label: 'startsWith', description: 'the text starts with it' },
  { label: 'endsWith', description: 'the text ends with it' },
  { label: 'matches', description: 'the text matches a regular expression' },
  { label: 'exists', description: 'the header or body path is there (no value)' },
  { label: 'isString', description: 'the value is a string (no value)' },
  { label: 'isNumber', description: 'the value is a number (no value)' },
  { label: 'isBoolean', description: 'the value is true or false (no value)' },
  { label: 'isArray', description: 'the value is an array (no value)' },
  { label: 'isFalse', description: 'the value is missing, false, 0 or empty (no value)' },
  { label: 'sha256', description: 'the whole body has this SHA-256 digest (base64 or hex); md5 and sha512 too' },
];
