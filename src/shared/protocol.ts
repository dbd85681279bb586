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
