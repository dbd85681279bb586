import type { HeaderField } from '../../model/outgoing';
import { blankRequest, type ImportedRequest, type ImportWarning } from '../importTypes';
import { formContentType } from '../multipartBody';
import { awsSignSpec, signingFromHeaders } from '../signingFromHeaders';
import { curlData, curlForm } from './curlBody';
import type { CurlCall, CurlSetting } from './readCurlArguments';

function values(call: CurlCall, role: CurlSetting['role']): string[] {
  return call.settings.filter((s) => s.role === role).map((s) => s.value);
}

function has(headers: HeaderField[], name: string): boolean {
  return headers.some((h) => h.name.toLowerCase() === name.toLowerCase());
}

function readHeaders(call: CurlCall, warnings: ImportWarning[]): HeaderField[] {
  const headers: HeaderField[] = [];
  for (const raw of values(call, 'header')) {
    const colon = raw.indexOf(':');
    const semicolon = raw.endsWith(';') && colon < 0;
    if (colon <= 0 && !semicolon) {
      warnings.push({ where: '-H', message: 'A header without "Name:" is ignored (its value is not repeated here).' });
      continue;
    }
    const name = semicolon ? raw.slice(0, -1) : raw.slice(0, colon).trim();
    const value = semicolon ? '' : raw.slice(colon + 1).trim();
    if (value === '' && !semicolon) {
      warnings.push({ where: `-H ${name}:`, message: `"${name}:" removes one of curl's own headers; it is left out.` });
    } else headers.push({ name, value });
  }
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && !has(headers, name)) headers.push({ name, value });
  };
  add('User-Agent', values(call, 'user-agent').pop());
  add('Referer', values(call, 'referer').pop());
  // curl --compressed asks for what it can decode; gwhttp decodes these three
  if (values(call, 'compressed').length > 0) add('Accept-Encoding', 'gzip, deflate, br');
  const cookies = values(call, 'cookie');
  for (const cookie of cookies.filter((c) => !c.includes('='))) {
    warnings.push({
      where: `-b ${cookie}`,
      message: 'A cookie file is not read; send its cookies as a Cookie header.',
    });
  }
  const inline = cookies.filter((c) => c.includes('='));
  if (inline.length > 0) add('Cookie', inline.join('; '));
  return headers;
}

function applyUser(call: CurlCall, request: ImportedRequest, warnings: ImportWarning[]): void {
  const user = values(call, 'user').pop();
  const aws = values(call, 'aws-sigv4').pop();
  if (aws !== undefined) {
    const [, , region = 'us-east-1', service = 'execute-api'] = aws.split(':');
    const id = (user ?? '{{awsKeyId}}').split(':')[0];
    request.directives.push({ name: 'sign', value: awsSignSpec(id, region, service, false) });
    warnings.push({ where: '--aws-sigv4', message: `The secret key is not written: store it for ${id}.` });
    return;
  }
  if (user === undefined || has(request.headers, 'authorization')) return;
  if (user.includes('{{')) {
    request.headers.push({ name: 'Authorization', value: 'Basic {{basicAuth}}' });
    warnings.push({
      where: '-u',
      message: `The -u credentials hold variables: gwhttp does not base64-encode variables, so the header uses {{basicAuth}}; set basicAuth to the base64 of "user:password" (in gwhttp.env.private.json or .env).`,
    });
    return;
  }
  const credentials = user.includes(':') ? user : `${user}:`;
  request.headers.push({
    name: 'Authorization',
    value: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`,
  });
  warnings.push({
    where: '-u',
    message:
      'The user and password are in the file as Basic credentials; keep the file out of version control or move them into a variable.',
  });
}

function applyBody(call: CurlCall, request: ImportedRequest, warnings: ImportWarning[]): void {
  const form = curlForm(call.settings);
  const data = curlData(call.settings, warnings);
  if (form !== null) {
    if (!has(request.headers, 'content-type')) {
      request.headers.push({ name: 'Content-Type', value: formContentType });
    }
    request.body = form;
    if (data !== null) warnings.push({ where: '-F', message: 'curl cannot send -d with -F; the -d data is left out.' });
    return;
  }
  if (data === null) return;
  if (values(call, 'get').length > 0) {
    request.url += `${request.url.includes('?') ? '&' : '?'}${data.text}`;
    return;
  }
  if (data.json) {
    if (!has(request.headers, 'content-type')) {
      request.headers.push({ name: 'Content-Type', value: 'application/json' });
    }
    if (!has(request.headers, 'accept')) request.headers.push({ name: 'Accept', value: 'application/json' });
  } else if (!has(request.headers, 'content-type')) {
    request.headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
  }
  request.body = data.text;
}

function methodOf(call: CurlCall, request: ImportedRequest): string {
  const explicit = values(call, 'method').pop();
  if (explicit !== undefined) return explicit.toUpperCase();
  if (values(call, 'head').length > 0) return 'HEAD';
  if (values(call, 'get').length > 0) return 'GET';
  return request.body !== null ? 'POST' : 'GET';
}

/** Adds `http://` to a scheme-less URL, as curl does. */
function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.startsWith('{{') ? url : `http://${url}`;
}

/** One curl call as a request: method, URL, headers, body, signing and the directives its flags ask for. */
export function curlToRequest(call: CurlCall, warnings: ImportWarning[]): ImportedRequest {
  const request = blankRequest('GET', withScheme(call.urls[0]));
  for (const extra of call.urls.slice(1)) {
    warnings.push({ where: extra, message: 'curl would also fetch this URL; only the first URL is imported.' });
  }
  request.headers = readHeaders(call, warnings);
  applyUser(call, request, warnings);
  applyBody(call, request, warnings);
  request.method = methodOf(call, request);
  const signing = signingFromHeaders(request.headers, 'the Authorization header');
  request.headers = signing.headers;
  warnings.push(...signing.warnings);
  if (signing.sign !== null) request.directives.push({ name: 'sign', value: signing.sign });
  if (values(call, 'insecure').length > 0) request.directives.push({ name: 'insecure', value: '' });
  const seconds = Number(values(call, 'max-time').pop());
  if (seconds > 0) request.directives.push({ name: 'timeout', value: String(Math.round(seconds * 1000)) });
  return request;
}
