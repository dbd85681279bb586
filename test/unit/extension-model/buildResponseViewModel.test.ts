import assert from 'node:assert/strict';

import { buildBodyView } from '../../../src/core/presentation/buildBodyView';
import { buildResponseViewModel, statusClassOf } from '../../../src/core/presentation/buildResponseViewModel';
import { Redactor } from '../../../src/core/redaction';
import { exchangeFixture, secret } from './exchangeFixture';

describe('buildResponseViewModel', () => {
  it('carries status, class, timing phases, size and the throttling values', () => {
    const model = buildResponseViewModel(exchangeFixture());
    assert.deepEqual(model.status, { code: 200, text: 'OK', statusClass: 'success' });
    assert.equal(model.timing.totalMs, 7);
    assert.deepEqual(
      model.timing.phases.map((phase) => phase.label),
      ['Connect', 'First byte', 'Download'],
    );
    assert.equal(model.size.display, '25 B');
    assert.equal(model.throttle?.usedRaw, '100/125');
    assert.equal(model.throttle?.limit, 125);
    assert.equal(model.throttle?.percentUsed, 80);
    assert.equal(model.throttle?.usagePlanId, 'usagePlan-abc');
    assert.equal(model.environment, 'test');
  });

  it('pretty-prints JSON bodies and keeps the raw text', () => {
    const model = buildResponseViewModel(exchangeFixture());
    assert.equal(model.body.kind, 'text');
    if (model.body.kind !== 'text') return;
    assert.equal(model.body.language, 'json');
    assert.equal(model.body.raw, '{"ok":true,"items":[1,2]}');
    assert.equal(model.body.pretty, JSON.stringify({ ok: true, items: [1, 2] }, null, 2));
  });

  it('never lets a secret value through, and masks credential headers but shows Authorization as sent', () => {
    const model = buildResponseViewModel(exchangeFixture());
    const json = JSON.stringify(model);
    assert.ok(!json.includes(secret), 'secret leaked into the view model');
    assert.ok(!json.includes('plain-credential'));
    const authorization = model.request.headers.find((header) => header.name === 'Authorization');
    assert.match(authorization?.value ?? '', /signature="c2ln"/);
    assert.equal(model.signature?.signedHeaders.join(' '), 'x-date');
  });

  it('classifies every status class', () => {
    assert.deepEqual([101, 204, 302, 403, 502, 0].map(statusClassOf), [
      'informational',
      'success',
      'redirect',
      'clientError',
      'serverError',
      'unknown',
    ]);
  });

  it('computes the percentage from used and limit when the throttle state has none', () => {
    const base = exchangeFixture();
    const model = buildResponseViewModel({
      ...base,
      throttle: { ...base.throttle!, percentUsed: null, used: 50, usedOf: null, limit: 200 },
    });
    assert.equal(model.throttle?.percentUsed, 25);
  });

  it('carries the explanation card', () => {
    const explanation = {
      code: 'signatureMismatch',
      title: 'The signature does not match',
      gatewayMessage: 'HMAC signature does not match',
      cause: 'wrong secret',
      fix: 'store the right secret',
      details: [{ label: 'Key', value: 'AKIDtest' }],
      about: 'signature' as const,
    };
    const model = buildResponseViewModel(exchangeFixture({ explanation }, { status: 401, statusText: 'Unauthorized' }));
    assert.equal(model.status.statusClass, 'clientError');
    assert.equal(model.explanation?.code, 'signatureMismatch');
  });

  it("carries the run's warnings, with secrets masked", () => {
    const warnings = [
      'The quota is nearly used up: 113/125 used, 12 left in this window; past it the gateway answers 429.',
      `odd: ${secret}`,
    ];
    const model = buildResponseViewModel(exchangeFixture({ warnings }));
    assert.equal(model.warnings[0], warnings[0]);
    assert.ok(!model.warnings[1].includes(secret));
    assert.deepEqual(buildResponseViewModel(exchangeFixture()).warnings, []);
  });
});

describe('buildBodyView', () => {
  it('offers large bodies for an editor instead of rendering them', () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const view = buildBodyView(big, big.toString('utf8'), 'application/json', new Redactor());
    assert.equal(view.kind, 'tooLarge');
    if (view.kind === 'tooLarge') assert.equal(view.preview.length, 4096);
  });

  it('shows whitelisted images as data URIs and never SVG', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
    const image = buildBodyView(png, '', 'IMAGE/PNG; charset=x', new Redactor());
    assert.deepEqual(image, {
      kind: 'image',
      mime: 'image/png',
      dataUri: `data:image/png;base64,${png.toString('base64')}`,
    });
    const svg = '<svg onload="alert(1)"/>';
    const view = buildBodyView(Buffer.from(svg), svg, 'image/svg+xml', new Redactor());
    assert.equal(view.kind, 'text');
  });

  it('reports binary bodies and keeps HTML as text source', () => {
    const binary = Buffer.from([1, 0, 2, 0]);
    assert.equal(buildBodyView(binary, '', 'application/octet-stream', new Redactor()).kind, 'binary');
    const html = '<html><script>alert(1)</script></html>';
    const view = buildBodyView(Buffer.from(html), html, 'text/html', new Redactor());
    assert.ok(view.kind === 'text' && view.language === 'html' && view.raw === html && view.pretty === null);
  });

  it('indents XML', () => {
    const xml = '<a><b>1</b><c/></a>';
    const view = buildBodyView(Buffer.from(xml), xml, 'application/xml', new Redactor());
    assert.ok(view.kind === 'text');
    if (view.kind === 'text') assert.equal(view.pretty, '<a>\n  <b>1</b>\n  <c/>\n</a>');
  });
});
