/**
 * The typed messages between the extension host and the response webview, and the view model the
 * panel renders. Plain data only (JSON-serialisable); no imports, so the webview bundle stays DOM-only.
 */

export type StatusClass = 'informational' | 'success' | 'redirect' | 'clientError' | 'serverError' | 'unknown';

export interface NameValue {
  name: string;
  value: string;
}

export interface TimingView {
  totalMs: number;
  phases: { label: string; ms: number }[];
}

export interface ThrottleView {
  /** Raw `X-RateLimit-Used` value as received, e.g. `100/125`. */
  usedRaw: string | null;
  used: number | null;
  limit: number | null;
  /** 0–100, or null when it cannot be computed. */
  percentUsed: number | null;
  remaining: number | null;
  resetSeconds: number | null;
  retryAfterSeconds: number | null;
  usagePlanId: string | null;
  secretId: string | null;
  notes: string[];
}

export type BodyView =
  | { kind: 'empty' }
  | { kind: 'text'; language: 'json' | 'xml' | 'html' | 'text'; pretty: string | null; raw: string; truncated: boolean }
  | { kind: 'image'; mime: string; dataUri: string }
  | { kind: 'binary'; bytes: number; contentType: string | null }
  | { kind: 'tooLarge'; bytes: number; contentType: string | null; preview: string };

export interface SignatureView {
  scheme: string;
  keyId: string;
  algorithm: string;
  signedHeaders: string[];
  signingString: string;
  authorization: string;
}

export interface ExplanationView {
  code: string;
  /** A few words for the card's heading (the code is for machines). */
  title: string;
  gatewayMessage: string;
  cause: string;
  fix: string;
  details: { label: string; value: string }[];
}

export interface RequestView {
  method: string;
  url: string;
  headers: NameValue[];
  body: string | null;
  bodyNote: string | null;
  /** Exchanges before this one in the same send (HTTP Digest: the request and its 401 challenge). */
  earlier?: EarlierExchangeView[];
}

/** An exchange answered by sending the request again (the body was the same bytes). */
export interface EarlierExchangeView {
  method: string;
  url: string;
  headers: NameValue[];
  status: number;
  /** The response headers that asked for the next send (`WWW-Authenticate`). */
  responseHeaders: NameValue[];
}

export interface AssertionView {
  line: number;
  text: string;
  passed: boolean;
  actual: string;
  failure: string | null;
  /** Set for a check stated by the gateway document's response sample rather than a `??` line. */
  origin?: 'documentation';
}

export interface ResponseViewModel {
  /** Increases with every response shown; actions name the model they act on. */
  id: number;
  title: string;
  /** `file:line` of the request. */
  source: string;
  environment: string | null;
  sentAt: string;
  status: { code: number; text: string; statusClass: StatusClass };
  timing: TimingView;
  size: { bytes: number; display: string };
  contentType: string | null;
  throttle: ThrottleView | null;
  body: BodyView;
  headers: NameValue[];
  request: RequestView;
  signature: SignatureView | null;
  explanation: ExplanationView | null;
  /** Trouble ahead: the local clock drifting from the gateway's, a quota nearly used up. */
  warnings: string[];
  /** The request's `?? …` assertions and how they came out (empty when it has none). */
  assertions: AssertionView[];
  notes: string[];
}

export type BodyAction = 'copyBody' | 'saveBody' | 'openBody' | 'copyCurl';

/** Host → webview. */
export type HostMessage =
  | { type: 'showResponse'; model: ResponseViewModel }
  | { type: 'showPending'; title: string; source: string }
  | { type: 'showFailure'; title: string; source: string; message: string; hint: string | null };

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'action'; action: BodyAction; modelId: number }
  | { type: 'rendered'; modelId: number; statusText: string };

export const bodyActions: readonly BodyAction[] = ['copyBody', 'saveBody', 'openBody', 'copyCurl'];

export type PanelTab = 'body' | 'headers' | 'request' | 'signature';
export type PanelBodyMode = 'pretty' | 'raw';
export const panelTabs: readonly PanelTab[] = ['body', 'headers', 'request', 'signature'];

/**
 * What the webview keeps with `setState` (and VS Code hands back to the serializer after a reload): the
 * last message it rendered, already redacted and shaped small, and the tab the user was on.
 */
export interface SavedPanelState {
  version: 1;
  message: HostMessage | null;
  ui: { tab: PanelTab; bodyMode: PanelBodyMode };
}

/** Validates an untrusted message from the webview; returns null for anything unknown. */
export function parseWebviewMessage(value: unknown): WebviewMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'action':
      if (typeof message.modelId === 'number' && bodyActions.includes(message.action as BodyAction)) {
        return { type: 'action', action: message.action as BodyAction, modelId: message.modelId };
      }
      return null;
    case 'rendered':
      if (typeof message.modelId === 'number' && typeof message.statusText === 'string') {
        return { type: 'rendered', modelId: message.modelId, statusText: message.statusText.slice(0, 200) };
      }
      return null;
    default:
      return null;
  }
}

const statusClasses: readonly StatusClass[] = [
  'informational',
  'success',
  'redirect',
  'clientError',
  'serverError',
  'unknown',
];
const bodyKinds: readonly BodyView['kind'][] = ['empty', 'text', 'image', 'binary', 'tooLarge'];

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isStringOrNull = (value: unknown): boolean => value === null || isString(value);
const isObjectOrNull = (value: unknown): boolean => value === null || isObject(value);
const isNameValues = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => isObject(item) && isString(item.name) && isString(item.value));

function isViewModel(value: unknown): value is ResponseViewModel {
  if (!isObject(value)) return false;
  const { status, timing, size, body, request } = value;
  return (
    isNumber(value.id) &&
    isString(value.title) &&
    isString(value.source) &&
    isString(value.sentAt) &&
    isStringOrNull(value.environment) &&
    isStringOrNull(value.contentType) &&
    isObject(status) &&
    isNumber(status.code) &&
    isString(status.text) &&
    statusClasses.includes(status.statusClass as StatusClass) &&
    isObject(timing) &&
    isNumber(timing.totalMs) &&
    Array.isArray(timing.phases) &&
    isObject(size) &&
    isNumber(size.bytes) &&
    isString(size.display) &&
    isObject(body) &&
    bodyKinds.includes(body.kind as BodyView['kind']) &&
    isNameValues(value.headers) &&
    isObject(request) &&
    isString(request.method) &&
    isString(request.url) &&
    isNameValues(request.headers) &&
    isObjectOrNull(value.throttle) &&
    isObjectOrNull(value.signature) &&
    isObjectOrNull(value.explanation) &&
    Array.isArray(value.notes) &&
    value.notes.every(isString) &&
    (value.warnings === undefined || (Array.isArray(value.warnings) && value.warnings.every(isString))) &&
    (value.assertions === undefined || (Array.isArray(value.assertions) && value.assertions.every(isAssertionView)))
  );
}

function isAssertionView(value: unknown): boolean {
  return (
    isObject(value) &&
    isNumber(value.line) &&
    isString(value.text) &&
    typeof value.passed === 'boolean' &&
    isString(value.actual) &&
    isStringOrNull(value.failure)
  );
}

function parseHostMessage(value: unknown): HostMessage | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'showResponse':
      // A state saved before models had warnings and assertions still restores, with none.
      return isViewModel(value.model)
        ? {
            type: 'showResponse',
            model: { ...value.model, warnings: value.model.warnings ?? [], assertions: value.model.assertions ?? [] },
          }
        : null;
    case 'showPending':
      return isString(value.title) && isString(value.source)
        ? { type: 'showPending', title: value.title, source: value.source }
        : null;
    case 'showFailure':
      return isString(value.title) &&
        isString(value.source) &&
        isString(value.message) &&
        (value.hint === null || isString(value.hint))
        ? { type: 'showFailure', title: value.title, source: value.source, message: value.message, hint: value.hint }
        : null;
    default:
      return null;
  }
}

/**
 * Checks a saved panel state (from `getState()` or the serializer, so untrusted): the right version and
 * the shape of the message (an unusable message becomes null); unknown tabs fall back to the defaults.
 * Null when the value is not a saved panel state at all.
 */
export function parsePanelState(value: unknown): SavedPanelState | null {
  if (!isObject(value) || value.version !== 1) return null;
  const ui = isObject(value.ui) ? value.ui : {};
  return {
    version: 1,
    message: value.message === null ? null : parseHostMessage(value.message),
    ui: {
      tab: panelTabs.includes(ui.tab as PanelTab) ? (ui.tab as PanelTab) : 'body',
      bodyMode: ui.bodyMode === 'raw' ? 'raw' : 'pretty',
    },
  };
}
