// Validation of what crosses the webview boundary: messages from the webview and saved panel states
// are untrusted. Plain functions over the types of ./protocol; no imports beyond it.
import {
  type BodyAction,
  bodyActions,
  type BodyView,
  type HostMessage,
  type PanelCard,
  panelCards,
  type PanelCardState,
  type PanelTab,
  panelTabs,
  type ResponseViewModel,
  type SavedPanelState,
  type StatusClass,
  type WebviewMessage,
} from './protocol';

/** Validates an untrusted message from the webview; returns null for anything unknown. */
export function parseWebviewMessage(value: unknown): WebviewMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'cancel':
      return { type: 'cancel' };
    case 'failureAction':
      return Number.isInteger(message.index) && (message.index as number) >= 0 && (message.index as number) < 10
        ? { type: 'failureAction', index: message.index as number }
        : null;
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

/** A response view model read back from disk (the response history): null when it is not one. */
export function parseViewModel(value: unknown): ResponseViewModel | null {
  return isViewModel(value) ? { ...value, warnings: value.warnings ?? [], assertions: value.assertions ?? [] } : null;
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
      return isString(value.title) && isString(value.source) && isString(value.method) && isString(value.url)
        ? { type: 'showPending', title: value.title, source: value.source, method: value.method, url: value.url }
        : null;
    case 'showFailure':
      return isString(value.title) &&
        isString(value.source) &&
        isString(value.message) &&
        (value.hint === null || isString(value.hint))
        ? {
            type: 'showFailure',
            title: value.title,
            source: value.source,
            message: value.message,
            hint: value.hint,
            ...(isString(value.heading) ? { heading: value.heading } : {}),
            ...(Array.isArray(value.actions) && value.actions.every(isString) ? { actions: value.actions } : {}),
          }
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
      cards: parseCardState(ui.cards),
    },
  };
}

function parseCardState(value: unknown): PanelCardState {
  const cards: PanelCardState = {};
  if (!isObject(value)) return cards;
  for (const card of panelCards) {
    const open = value[card];
    if (typeof open === 'boolean') cards[card as PanelCard] = open;
  }
  return cards;
}
