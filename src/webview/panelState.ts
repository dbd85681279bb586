import type { BodyView, HostMessage, NameValue, ResponseViewModel, SavedPanelState } from '../shared/protocol';

/** How much of a rendered message the webview keeps in its saved state (characters). */
export interface PanelStateLimits {
  bodyChars: number;
  previewChars: number;
  requestBodyChars: number;
  valueChars: number;
  headers: number;
  /** The whole saved state, as JSON; above it only a summary is kept ("too large, send again"). */
  totalChars: number;
}

export const defaultPanelStateLimits: PanelStateLimits = {
  bodyChars: 32 * 1024,
  previewChars: 4096,
  requestBodyChars: 8192,
  valueChars: 4096,
  headers: 200,
  totalChars: 128 * 1024,
};

export const tooLargeToKeepNote =
  'This response was too large to keep when the panel was saved: send the request again to see it all.';

function shapeBody(body: BodyView, limits: PanelStateLimits): BodyView {
  switch (body.kind) {
    case 'text': {
      const size = body.raw.length + (body.pretty?.length ?? 0);
      if (size <= limits.bodyChars) return body;
      const share = body.pretty === null ? limits.bodyChars : Math.floor(limits.bodyChars / 2);
      return { ...body, raw: body.raw.slice(0, share), pretty: body.pretty?.slice(0, share) ?? null, truncated: true };
    }
    case 'image':
      if (body.dataUri.length <= limits.bodyChars) return body;
      return {
        kind: 'binary',
        bytes: Math.floor(((body.dataUri.length - body.dataUri.indexOf(',') - 1) * 3) / 4),
        contentType: body.mime,
      };
    case 'tooLarge':
      return body.preview.length <= limits.previewChars
        ? body
        : { ...body, preview: body.preview.slice(0, limits.previewChars) };
    default:
      return body;
  }
}

function shapeHeaders(headers: NameValue[], limits: PanelStateLimits): NameValue[] {
  return headers
    .slice(0, limits.headers)
    .map((header) =>
      header.value.length <= limits.valueChars && header.name.length <= limits.valueChars
        ? header
        : { name: header.name.slice(0, limits.valueChars), value: header.value.slice(0, limits.valueChars) },
    );
}

function shapeModel(model: ResponseViewModel, limits: PanelStateLimits): ResponseViewModel {
  const request = model.request;
  const requestBodyCut = request.body !== null && request.body.length > limits.requestBodyChars;
  return {
    ...model,
    body: shapeBody(model.body, limits),
    headers: shapeHeaders(model.headers, limits),
    request: {
      ...request,
      headers: shapeHeaders(request.headers, limits),
      body: requestBodyCut ? (request.body ?? '').slice(0, limits.requestBodyChars) : request.body,
      bodyNote: requestBodyCut
        ? `Only the first ${limits.requestBodyChars} characters of the request body were kept.`
        : request.bodyNote,
    },
  };
}

/** Only a summary: status, timing, size, throttle, signature and the explanation; no bodies or headers. */
function summaryModel(model: ResponseViewModel, limits: PanelStateLimits): ResponseViewModel {
  return {
    ...model,
    body: { kind: 'tooLarge', bytes: model.size.bytes, contentType: model.contentType, preview: '' },
    headers: [],
    request: {
      method: model.request.method,
      url: model.request.url.slice(0, limits.valueChars),
      headers: [],
      body: null,
      bodyNote: null,
    },
    signature: model.signature && {
      ...model.signature,
      signingString: model.signature.signingString.slice(0, limits.valueChars),
    },
    notes: [...model.notes.slice(0, 10), tooLargeToKeepNote],
  };
}

/**
 * The state the webview keeps for the message it rendered: the same already-redacted view model, with
 * large bodies and long values cut so the saved state stays small. Pure.
 */
export function shapePanelState(
  message: HostMessage | null,
  ui: SavedPanelState['ui'],
  limits: PanelStateLimits = defaultPanelStateLimits,
): SavedPanelState {
  if (message?.type !== 'showResponse') return { version: 1, message, ui };
  const shaped: SavedPanelState = {
    version: 1,
    message: { type: 'showResponse', model: shapeModel(message.model, limits) },
    ui,
  };
  if (JSON.stringify(shaped).length <= limits.totalChars) return shaped;
  return { version: 1, message: { type: 'showResponse', model: summaryModel(message.model, limits) }, ui };
}
