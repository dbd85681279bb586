/**
 * The typed messages between the extension host and the response webview, and the view model the
 * panel renders. Plain data only (JSON-serialisable); no imports, so the webview bundle stays DOM-only.
 */

export type StatusClass = 'informational' | 'success' | 'redirect' | 'clientError' | 'serverError' | 'unknown';

export interface NameValue {
  name: string;
  value: string;
}

/** A cookie the response set (Headers tab): its value masked, its attributes in one line. */
export interface CookieView {
  name: string;
  value: string;
  attributes: string;
  /** Why the jar refused it (another domain …), or null when it was kept. */
  rejected: string | null;
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
  /** When Retry-After (`retryAt`) and the window reset (`resetAt`) come, ISO 8601, from when the response arrived. */
  retryAt?: string | null;
  resetAt?: string | null;
  usagePlanId: string | null;
  secretId: string | null;
  notes: string[];
  /** This key's (and plan's) recent sends in this window, oldest first, this one last: the card's chart. */
  history?: QuotaPointView[];
}

/** One answered send of a key: the use it reported (null: none) against the limit, and whether it was a 429. */
export interface QuotaPointView {
  used: number | null;
  limit: number | null;
  throttled: boolean;
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
  /** The HTTP version that answered (the status line shows it). */
  httpVersion: '1.1' | '2';
  timing: TimingView;
  size: { bytes: number; display: string };
  contentType: string | null;
  throttle: ThrottleView | null;
  body: BodyView;
  headers: NameValue[];
  /** The cookies the response set (each redirect hop's too); absent when it set none or the jar was off. */
  cookies?: CookieView[];
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
  /** A request is on the wire (sent when its signed bytes leave): the panel shows it instead of the last response. */
  | { type: 'showPending'; title: string; source: string; method: string; url: string }
  | FailureMessage;

/** A send that brought no response: what failed, where, and what helps. */
export interface FailureMessage {
  type: 'showFailure';
  title: string;
  source: string;
  message: string;
  hint: string | null;
  /** `Not sent` unless said: `Cancelled`, `No response` (it was on the wire). */
  heading?: string;
  /** Labels of the buttons that help (`Store Secret Key…`); the host keeps what each does. */
  actions?: string[];
}

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  /** The Cancel button of the in-flight state. */
  | { type: 'cancel' }
  /** A button of a failure, by its place in the failure's `actions`. */
  | { type: 'failureAction'; index: number }
  | { type: 'action'; action: BodyAction; modelId: number }
  | { type: 'rendered'; modelId: number; statusText: string };

export const bodyActions: readonly BodyAction[] = ['copyBody', 'saveBody', 'openBody', 'copyCurl'];

export type PanelTab = 'body' | 'headers' | 'request' | 'signature';
export type PanelBodyMode = 'pretty' | 'raw';
export const panelTabs: readonly PanelTab[] = ['body', 'headers', 'request', 'signature'];
/** The panel's collapsible cards. */
export type PanelCard = 'throttle' | 'assertions' | 'explanation';
export const panelCards: readonly PanelCard[] = ['throttle', 'assertions', 'explanation'];
/** Which cards the user opened (true) or closed (false); a card not named here takes its default. */
export type PanelCardState = Partial<Record<PanelCard, boolean>>;

/**
 * What the webview keeps with `setState` (and VS Code hands back to the serializer after a reload): the
 * last message it rendered, already redacted and shaped small, and the tab the user was on.
 */
export interface SavedPanelState {
  version: 1;
  message: HostMessage | null;
  ui: { tab: PanelTab; bodyMode: PanelBodyMode; cards: PanelCardState };
}
