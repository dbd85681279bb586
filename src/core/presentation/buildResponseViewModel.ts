import type {
  EarlierExchangeView,
  ResponseViewModel,
  StatusClass,
  ThrottleView,
  TimingView,
} from '../../shared/protocol';
import type { Redactor } from '../redaction';
import { displayedSigningString } from '../signing/displayedSigningString';
import { type BodyLimits, buildBodyView, defaultBodyLimits } from './buildBodyView';
import { buildRequestView } from './buildRequestView';
import { cookieViews } from './cookieViews';
import type { ExchangeForView, ResponseForView, ThrottleForView } from './exchangeForView';
import { formatBytes } from './formatBytes';

export function statusClassOf(status: number): StatusClass {
  if (status >= 100 && status < 200) return 'informational';
  if (status >= 200 && status < 300) return 'success';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'clientError';
  if (status >= 500 && status < 600) return 'serverError';
  return 'unknown';
}

function timingView(timings: ResponseForView['timings']): TimingView {
  const phases = [
    { label: 'DNS', ms: timings.dnsMs },
    { label: 'Connect', ms: timings.connectMs },
    { label: 'TLS', ms: timings.tlsMs },
    { label: 'First byte', ms: timings.firstByteMs },
    { label: 'Download', ms: timings.downloadMs },
  ].filter((phase) => Number.isFinite(phase.ms) && phase.ms > 0);
  return { totalMs: timings.totalMs, phases };
}

/** `seconds` after `from`, as ISO 8601; null without seconds. */
function secondsAfter(from: Date, seconds: number | null): string | null {
  return seconds === null ? null : new Date(from.getTime() + seconds * 1000).toISOString();
}

function throttleView(state: ThrottleForView | null, arrived: Date): ThrottleView | null {
  if (!state) return null;
  const limit = state.limit ?? state.usedOf ?? null;
  // Exact from the counts when they are known (the state's own percentage is rounded to an integer).
  const of = state.usedOf ?? limit;
  const percent = state.used !== null && of ? (state.used / of) * 100 : state.percentUsed;
  return {
    usedRaw: state.usedRaw,
    used: state.used,
    limit,
    percentUsed: percent === null ? null : Math.max(0, Math.min(100, percent)),
    remaining: state.remaining,
    resetSeconds: state.resetSeconds,
    retryAfterSeconds: state.retryAfterSeconds,
    retryAt: secondsAfter(arrived, state.retryAfterSeconds),
    resetAt: secondsAfter(arrived, state.resetSeconds),
    usagePlanId: state.usagePlanId,
    secretId: state.secretId,
    notes: state.notes,
  };
}

/** The card's chart points: the last 40 sends of the key at most (none: no chart). */
function withHistory(view: ThrottleView | null, history: ExchangeForView['quotaHistory']): ThrottleView | null {
  if (!view || !history || history.length === 0) return view;
  return { ...view, history: history.slice(-40).map(({ used, limit, throttled }) => ({ used, limit, throttled })) };
}

function earlierViews(earlier: NonNullable<ExchangeForView['earlier']>, redactor: Redactor): EarlierExchangeView[] {
  return earlier.map(({ request, status, responseHeaders }) => ({
    method: request.method,
    url: redactor.text(request.url),
    headers: redactor.headers(request.headers),
    status,
    responseHeaders: redactor.headers(responseHeaders),
  }));
}

/**
 * Builds what the response panel shows from one finished exchange. Pure: no clock, no I/O. Every known
 * secret value is masked; credential headers are masked; the Authorization sent stays visible.
 */
export function buildResponseViewModel(
  exchange: ExchangeForView,
  limits: BodyLimits = defaultBodyLimits,
): ResponseViewModel {
  const { response, redactor } = exchange;
  const signing = exchange.signing;
  return {
    id: exchange.id,
    title: redactor.text(exchange.title),
    source: exchange.source,
    environment: exchange.environment,
    sentAt: exchange.sentAt.toISOString(),
    status: {
      code: response.status,
      text: redactor.text(response.statusText),
      statusClass: statusClassOf(response.status),
    },
    httpVersion: response.httpVersion ?? '1.1',
    timing: timingView(response.timings),
    size: { bytes: response.size, display: formatBytes(response.size) },
    contentType: response.contentType === null ? null : redactor.text(response.contentType),
    // Read from response headers, which a hostile server fills as it likes.
    throttle: withHistory(
      redactor.deep(throttleView(exchange.throttle, new Date(exchange.sentAt.getTime() + response.timings.totalMs))),
      exchange.quotaHistory,
    ),
    body: buildBodyView(response.body, response.bodyText, response.contentType, redactor, limits, {
      size: response.size,
      textTruncated: response.bodyTruncated,
    }),
    headers: redactor.headers(response.headers),
    ...(exchange.cookiesSet?.length ? { cookies: cookieViews(exchange.cookiesSet, redactor) } : {}),
    request: exchange.earlier?.length
      ? {
          ...buildRequestView(exchange.request, redactor, response.httpVersion),
          earlier: earlierViews(exchange.earlier, redactor),
        }
      : buildRequestView(exchange.request, redactor, response.httpVersion),
    signature: signing
      ? {
          scheme: signing.scheme,
          keyId: signing.keyId,
          algorithm: signing.algorithm,
          signedHeaders: [...signing.signedHeaders],
          signingString: redactor.text(displayedSigningString(signing)),
          authorization: redactor.text(signing.authorization),
        }
      : null,
    explanation: exchange.explanation ? redactor.deep(exchange.explanation) : null,
    warnings: (exchange.warnings ?? []).map((warning) => redactor.text(warning)),
    assertions: (exchange.assertions ?? []).map(({ line, text, passed, actual, failure, origin }) => ({
      ...(origin === 'documentation' ? { origin } : {}),
      line,
      passed,
      text: redactor.text(text),
      actual: redactor.text(actual),
      failure: failure === null ? null : redactor.text(failure),
    })),
    notes: (exchange.notes ?? []).map((note) => redactor.text(note)),
  };
}
