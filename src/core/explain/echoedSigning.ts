import type { HeaderField } from '../model/outgoing';
import type { SigningInfo } from '../signing/signingTypes';

type Detail = { label: string; value: string };

/** What a vendor echoed of its own signing: a canonical request and/or string to sign, as lines. */
interface Echoed {
  canonicalRequest: string | null;
  stringToSign: string | null;
  /** Alibaba removes the newlines of its string to sign: compare without them. */
  flattened: boolean;
}

function between(text: string, start: string, end: string): string | null {
  const from = text.indexOf(start);
  if (from < 0) return null;
  const to = text.indexOf(end, from + start.length);
  return text.slice(from + start.length, to < 0 ? undefined : to);
}

/** AWS (API Gateway / S3), Huawei APIG and Alibaba echo what they expected in their error text. */
export function echoedSigning(message: string): Echoed | null {
  const aws = between(message, "The Canonical String for this request should have been\n'", "'\n\nThe String-to-Sign");
  if (aws !== null) {
    const stringToSign = between(message, "The String-to-Sign should have been\n'", "'");
    return { canonicalRequest: aws, stringToSign, flattened: false };
  }
  const s3 = between(message, '<CanonicalRequest>', '</CanonicalRequest>');
  if (s3 !== null) {
    return {
      canonicalRequest: s3,
      stringToSign: between(message, '<StringToSign>', '</StringToSign>'),
      flattened: false,
    };
  }
  const huawei = between(message, 'canonicalRequest:', '\u0000');
  if (huawei !== null) return { canonicalRequest: huawei.replace(/\|/g, '\n'), stringToSign: null, flattened: false };
  const alibaba = between(message, 'StringToSign:', '\u0000');
  if (alibaba !== null) return { canonicalRequest: null, stringToSign: alibaba, flattened: true };
  return null;
}

const show = (text: string | undefined): string => (text === undefined ? '(nothing)' : JSON.stringify(text));

/** The first line (and byte within it) where two texts differ, or null when they are equal. */
export function firstDifference(local: string, server: string): string | null {
  if (local === server) return null;
  const localLines = local.split('\n');
  const serverLines = server.split('\n');
  const line = localLines.findIndex((text, index) => text !== serverLines[index]);
  const at = line < 0 ? localLines.length : line;
  const [ours, theirs] = [localLines[at] ?? '', serverLines[at] ?? ''];
  let column = 0;
  while (column < ours.length && ours[column] === theirs[column]) column += 1;
  return `line ${at + 1}, byte ${column + 1}: local ${show(localLines[at])} vs server ${show(serverLines[at])}`;
}

/** The vendor's echoed strings beside gwhttp's, with the first line and byte where they differ. */
export function echoedSigningDetails(message: string, signing: SigningInfo | null): Detail[] {
  const echoed = echoedSigning(message);
  if (echoed === null || signing === null) return [];
  const details: Detail[] = [];
  const compare = (label: string, local: string | undefined, server: string | null) => {
    if (server === null || local === undefined) return;
    const ours = echoed.flattened ? local.replace(/\n/g, '') : local;
    details.push(
      { label: `server ${label}`, value: JSON.stringify(server) },
      { label: `local ${label}`, value: JSON.stringify(ours) },
    );
    const difference = firstDifference(ours, server);
    details.push({
      label: `first difference (${label})`,
      value: difference ?? 'none: equal, so the secret key differs',
    });
  };
  compare('canonical request', signing.canonicalRequest, echoed.canonicalRequest);
  compare('string to sign', signing.signingString, echoed.stringToSign);
  return details;
}

/**
 * The message of a cloud vendor's error, or null for other gateways: Alibaba's `X-Ca-Error-Message`
 * header, Tencent Cloud's `Response.Error` as `Code: Message`, Huawei's `error_code: error_msg`.
 */
export function cloudGatewayMessage(headers: readonly HeaderField[], bodyText: string): string | null {
  const alibaba = headers.find((field) => field.name.toLowerCase() === 'x-ca-error-message');
  if (alibaba) return alibaba.value.trim();
  if (!bodyText.trimStart().startsWith('{')) return null;
  try {
    const data = JSON.parse(bodyText) as Record<string, unknown>;
    const error = (data.Response as { Error?: { Code?: unknown; Message?: unknown } } | undefined)?.Error;
    if (typeof error?.Code === 'string') return `${error.Code}: ${String(error.Message ?? '')}`;
    if (typeof data.error_code === 'string') return `${data.error_code}: ${String(data.error_msg ?? '')}`;
  } catch {
    /* not JSON: other gateways' texts */
  }
  return null;
}
