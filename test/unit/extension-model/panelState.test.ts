import assert from 'node:assert/strict';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { bodyGoneMessage, restoredMessage, restoredNote } from '../../../src/extension/response/restoredMessage';
import { parsePanelState } from '../../../src/shared/parseMessages';
import type { HostMessage, ResponseViewModel, SavedPanelState } from '../../../src/shared/protocol';
import { defaultPanelStateLimits, shapePanelState, tooLargeToKeepNote } from '../../../src/webview/panelState';
import { renderMessage } from '../../../src/webview/renderResponse';
import type { ViewNode } from '../../../src/webview/viewNode';
import { exchangeFixture, secret } from './exchangeFixture';

const ui: SavedPanelState['ui'] = { tab: 'headers', bodyMode: 'raw', cards: { throttle: true } };

function jsonModel(bodyText: string, contentType = 'application/json'): ResponseViewModel {
  const body = Buffer.from(bodyText);
  return buildResponseViewModel(
    exchangeFixture(
      {},
      { body, bodyText, size: body.length, contentType, headers: [{ name: 'Content-Type', value: contentType }] },
    ),
  );
}

function texts(node: ViewNode): string[] {
  return [...(node.text === undefined ? [] : [node.text]), ...(node.children ?? []).flatMap(texts)];
}

/** The saved state as VS Code stores it: through JSON. */
const roundTrip = (state: SavedPanelState): unknown => JSON.parse(JSON.stringify(state));

describe('panel state (what the webview keeps with setState)', () => {
  it('keeps a small response as it was posted, and it survives JSON and validation unchanged', () => {
    const message: HostMessage = { type: 'showResponse', model: jsonModel('{"ok":true}') };
    const state = shapePanelState(message, ui);
    assert.deepEqual(state, { version: 1, message, ui });
    assert.deepEqual(parsePanelState(roundTrip(state)), state);
  });

  it('cuts a large text body to the budget and marks it truncated; the panel says so', () => {
    const big = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, id) => ({ id, name: `item-${id}` })) });
    const model = jsonModel(big);
    assert.equal(model.body.kind, 'text');
    const state = shapePanelState({ type: 'showResponse', model }, ui);
    const body = state.message?.type === 'showResponse' ? state.message.model.body : null;
    assert.ok(body?.kind === 'text');
    assert.equal(body.truncated, true);
    assert.ok(body.raw.length + (body.pretty?.length ?? 0) <= defaultPanelStateLimits.bodyChars);
    assert.ok(big.startsWith(body.raw));
    assert.ok(JSON.stringify(state).length < defaultPanelStateLimits.totalChars);
    const shown = texts(renderMessage(state.message!, { tab: 'body', bodyMode: 'raw', cards: {} })).join('\n');
    assert.match(shown, /send the request again to see all of it/);
  });

  it('keeps a large image as a binary summary instead of its data: URI', () => {
    const png = Buffer.alloc(60_000, 7);
    const model = buildResponseViewModel(
      exchangeFixture({}, { body: png, bodyText: '', size: png.length, contentType: 'image/png' }),
    );
    assert.equal(model.body.kind, 'image');
    const state = shapePanelState({ type: 'showResponse', model }, ui);
    assert.deepEqual(state.message?.type === 'showResponse' && state.message.model.body, {
      kind: 'binary',
      bytes: png.length,
      contentType: 'image/png',
    });
  });

  it('falls back to a summary ("too large, send again") when headers alone are too big, keeping status and throttle', () => {
    const model = jsonModel('{"ok":true}');
    const headers = Array.from({ length: 150 }, (_, index) => ({ name: `X-Big-${index}`, value: 'v'.repeat(4000) }));
    const state = shapePanelState({ type: 'showResponse', model: { ...model, headers } }, ui);
    assert.ok(JSON.stringify(state).length <= defaultPanelStateLimits.totalChars);
    assert.ok(state.message?.type === 'showResponse');
    const kept = state.message.model;
    assert.deepEqual(kept.headers, []);
    assert.equal(kept.body.kind, 'tooLarge');
    assert.equal(kept.status.code, 200);
    assert.equal(kept.throttle?.usedRaw, '100/125');
    assert.ok(kept.notes.includes(tooLargeToKeepNote));
  });

  it('cuts a long request body and says so', () => {
    const model = jsonModel('{}');
    const state = shapePanelState(
      { type: 'showResponse', model: { ...model, request: { ...model.request, body: 'x'.repeat(20_000) } } },
      ui,
    );
    const request = state.message?.type === 'showResponse' ? state.message.model.request : null;
    assert.equal(request?.body?.length, defaultPanelStateLimits.requestBodyChars);
    assert.match(request?.bodyNote ?? '', /first 8192 characters/);
  });

  it('only ever stores what was posted (already redacted): no secret reaches the state', () => {
    const model = jsonModel(`{"token":"${secret}"}`);
    const state = shapePanelState({ type: 'showResponse', model }, ui);
    assert.ok(!JSON.stringify(state).includes(secret));
  });

  it('keeps pending and failure messages and an empty panel as they are', () => {
    const failure: HostMessage = { type: 'showFailure', title: 't', source: 'a.gwhttp:1', message: 'm', hint: null };
    assert.deepEqual(shapePanelState(failure, ui), { version: 1, message: failure, ui });
    assert.deepEqual(shapePanelState(null, ui), { version: 1, message: null, ui });
  });
});

describe('parsePanelState (untrusted saved state)', () => {
  it('rejects what is not a saved state of this version', () => {
    for (const junk of [undefined, null, 'x', 42, [], {}, { version: 2, message: null, ui }]) {
      assert.equal(parsePanelState(junk), null);
    }
  });

  it('drops a malformed message and falls back to the default tab', () => {
    const model = jsonModel('{}');
    const broken = { ...model, status: { code: '200', text: 'OK', statusClass: 'success' } };
    assert.deepEqual(
      parsePanelState({
        version: 1,
        message: { type: 'showResponse', model: broken },
        ui: { tab: 'evil', bodyMode: 'x', cards: { throttle: 'yes', assertions: false, evil: true } },
      }),
      {
        version: 1,
        message: null,
        ui: { tab: 'body', bodyMode: 'pretty', cards: { assertions: false } },
      },
    );
    assert.equal(parsePanelState({ version: 1, message: { type: 'runScript' }, ui })?.message, null);
    assert.equal(
      parsePanelState({
        version: 1,
        message: { type: 'showFailure', title: 't', source: 's', message: 3, hint: null },
        ui,
      })?.message,
      null,
    );
  });
});

describe('panel states saved by an earlier version', () => {
  it('restore a model from before warnings and assertions existed, with none, and render it', () => {
    const older: Partial<ResponseViewModel> = { ...jsonModel('{}') };
    delete older.warnings;
    delete older.assertions;
    const state = parsePanelState(
      JSON.parse(JSON.stringify({ version: 1, message: { type: 'showResponse', model: older }, ui })),
    );
    assert.ok(state?.message?.type === 'showResponse');
    assert.deepEqual(state.message.model.warnings, []);
    assert.deepEqual(state.message.model.assertions, []);
    assert.ok(JSON.stringify(renderMessage(state.message, ui)).includes('200 OK'));
  });
});

describe('restoredMessage (what a panel restored after a reload shows)', () => {
  it('shows the saved response with the restored note, once', () => {
    const model = jsonModel('{}');
    const message = restoredMessage({ version: 1, message: { type: 'showResponse', model }, ui });
    assert.ok(message.type === 'showResponse');
    assert.equal(message.model.id, model.id);
    assert.deepEqual(message.model.notes, [...model.notes, restoredNote]);
    const again = restoredMessage({ version: 1, message, ui });
    assert.ok(again.type === 'showResponse');
    assert.equal(again.model.notes.filter((note) => note === restoredNote).length, 1);
  });

  it('turns a send interrupted by the reload, or nothing saved, into "send the request again"', () => {
    const pending = restoredMessage({
      version: 1,
      message: { type: 'showPending', title: 'List orders', source: 'a.gwhttp:2', method: 'GET', url: 'http://h/o' },
      ui,
    });
    assert.deepEqual(pending, {
      type: 'showFailure',
      title: 'List orders',
      source: 'a.gwhttp:2',
      message: 'The window was reloaded before the response arrived.',
      hint: 'Send the request again.',
    });
    for (const state of [null, { version: 1 as const, message: null, ui }]) {
      const empty = restoredMessage(state);
      assert.ok(empty.type === 'showFailure');
      assert.equal(empty.hint, 'Send the request again.');
    }
  });

  it('tells the user to send again for every action that needs the body bytes', () => {
    for (const action of ['copyBody', 'saveBody', 'openBody', 'copyCurl'] as const) {
      assert.match(bodyGoneMessage(action), /Send the request again to /);
    }
    assert.match(bodyGoneMessage('copyCurl'), /copy the request as cURL/);
  });
});
