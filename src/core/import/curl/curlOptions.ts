/** What gwhttp does with a curl option. */
export type CurlOptionRole =
  | 'method'
  | 'header'
  | 'data'
  | 'data-raw'
  | 'data-binary'
  | 'data-urlencode'
  | 'json'
  | 'form'
  | 'form-string'
  | 'user'
  | 'cookie'
  | 'user-agent'
  | 'referer'
  | 'url'
  | 'get'
  | 'head'
  | 'insecure'
  | 'location'
  | 'max-time'
  | 'aws-sigv4'
  | 'compressed'
  /** Changes nothing about the request sent (output, progress, verbosity, retries). */
  | 'ignored'
  /** Changes how curl sends in a way a request file does not carry: a warning names it. */
  | 'unsupported';

export interface CurlOption {
  role: CurlOptionRole;
  /** The option takes the next word (or the rest of its short-option cluster) as its value. */
  takesValue: boolean;
}

const withValue = (role: CurlOptionRole): CurlOption => ({ role, takesValue: true });
const flag = (role: CurlOptionRole): CurlOption => ({ role, takesValue: false });

/** Long options by name (without `--`). */
export const longOptions: Record<string, CurlOption> = {
  request: withValue('method'),
  header: withValue('header'),
  data: withValue('data'),
  'data-ascii': withValue('data'),
  'data-raw': withValue('data-raw'),
  'data-binary': withValue('data-binary'),
  'data-urlencode': withValue('data-urlencode'),
  json: withValue('json'),
  form: withValue('form'),
  'form-string': withValue('form-string'),
  user: withValue('user'),
  cookie: withValue('cookie'),
  'user-agent': withValue('user-agent'),
  referer: withValue('referer'),
  url: withValue('url'),
  get: flag('get'),
  head: flag('head'),
  insecure: flag('insecure'),
  location: flag('location'),
  'location-trusted': flag('location'),
  'max-time': withValue('max-time'),
  'aws-sigv4': withValue('aws-sigv4'),
  compressed: flag('compressed'),
  silent: flag('ignored'),
  'show-error': flag('ignored'),
  verbose: flag('ignored'),
  include: flag('ignored'),
  fail: flag('ignored'),
  'fail-with-body': flag('ignored'),
  'no-progress-meter': flag('ignored'),
  'progress-bar': flag('ignored'),
  'no-buffer': flag('ignored'),
  globoff: flag('ignored'),
  'remote-name': flag('ignored'),
  http1: flag('ignored'),
  'http1.1': flag('ignored'),
  'path-as-is': flag('ignored'),
  output: withValue('ignored'),
  'write-out': withValue('ignored'),
  'dump-header': withValue('ignored'),
  'cookie-jar': withValue('ignored'),
  'max-redirs': withValue('ignored'),
  'connect-timeout': withValue('ignored'),
  retry: withValue('ignored'),
  'retry-delay': withValue('ignored'),
  'retry-max-time': withValue('ignored'),
  'trace-ascii': withValue('ignored'),
  http2: flag('unsupported'),
  'http2-prior-knowledge': flag('unsupported'),
  http3: flag('unsupported'),
  digest: flag('unsupported'),
  ntlm: flag('unsupported'),
  negotiate: flag('unsupported'),
  proxy: withValue('unsupported'),
  cacert: withValue('unsupported'),
  cert: withValue('unsupported'),
  key: withValue('unsupported'),
  resolve: withValue('unsupported'),
  'connect-to': withValue('unsupported'),
  oauth2_bearer: withValue('unsupported'),
  'oauth2-bearer': withValue('unsupported'),
};

/** Short options by letter, as the long option they stand for. */
export const shortOptions: Record<string, string> = {
  X: 'request',
  H: 'header',
  d: 'data',
  F: 'form',
  u: 'user',
  b: 'cookie',
  A: 'user-agent',
  e: 'referer',
  G: 'get',
  I: 'head',
  k: 'insecure',
  L: 'location',
  m: 'max-time',
  s: 'silent',
  S: 'show-error',
  v: 'verbose',
  i: 'include',
  f: 'fail',
  '#': 'progress-bar',
  N: 'no-buffer',
  g: 'globoff',
  O: 'remote-name',
  o: 'output',
  w: 'write-out',
  D: 'dump-header',
  c: 'cookie-jar',
  x: 'proxy',
  E: 'cert',
};
