import assert from 'node:assert/strict';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { QuotaLedger } from '../../../src/core/throttle/quotaLedger';
import { emptyThrottleState } from '../../../src/core/throttle/throttleState';
import { mountQuotaChart } from '../../../src/webview/mountQuotaChart';
import { quotaChartShape } from '../../../src/webview/renderQuotaChart';
import { renderResponse } from '../../../src/webview/renderResponse';
import type { ViewNode } from '../../../src/webview/viewNode';
import { exchangeFixture } from './exchangeFixture';

function find(tree: ViewNode, className: string): ViewNode | undefined {
  if (tree.className?.split(' ').includes(className)) return tree;
  for (const child of tree.children ?? []) {
    const found = find(child, className);
    if (found) return found;
  }
  return undefined;
}

/** Just enough of a Document to see what mountQuotaChart makes (namespace, tags, attributes, text). */
interface FakeElement {
  namespace: string;
  tag: string;
  attributes: Record<string, string>;
  children: FakeElement[];
  textContent: string;
  setAttribute(name: string, value: string): void;
  appendChild(child: FakeElement): void;
}
const fakeDocument = {
  createElementNS(namespace: string, tag: string): FakeElement {
    return {
      namespace,
      tag,
      attributes: {},
      children: [],
      textContent: '',
      setAttribute(name, value) {
        this.attributes[name] = value;
      },
      appendChild(child) {
        this.children.push(child);
      },
    };
  },
};

describe("the throttling card's chart of recent use", () => {
  const at = new Date('2026-01-01T10:00:00Z');
  const sample = (used: number, status = 200) => ({
    keyId: 'AKIDchart',
    status,
    at,
    waits: 0,
    throttle: { ...emptyThrottleState(), used, usedOf: 5, secretId: 'AKIDchart', usagePlanId: 'plan-c' },
  });

  it("draws this key's recent used-of-limit from the window's responses, 429s marked", () => {
    const ledger = new QuotaLedger(4);
    for (const used of [1, 2, 3, 4]) ledger.record(sample(used));
    const use = ledger.record(sample(5, 429));
    assert.equal(use?.points.length, 4, 'the window keeps the last few sends only');
    const model = buildResponseViewModel(exchangeFixture({ quotaHistory: use!.points }));
    assert.deepEqual(
      model.throttle?.history?.map((point) => [point.used, point.limit, point.throttled]),
      [
        [2, 5, false],
        [3, 5, false],
        [4, 5, false],
        [5, 5, true],
      ],
    );
    const tree = renderResponse(model, { tab: 'body', bodyMode: 'pretty', cards: { throttle: true } });
    const chart = find(find(tree, 'throttle')!, 'quota-chart');
    assert.ok(chart?.chart, 'the card holds the chart');
    assert.equal(chart.attributes?.role, 'img');
    assert.match(chart.attributes?.['aria-label'] ?? '', /last 4 sends in this window, 1 answered 429/);
    const { dots, line } = chart.chart;
    assert.deepEqual(
      dots.map((dot) => [dot.label, dot.throttled]),
      [
        ['2/5', false],
        ['3/5', false],
        ['4/5', false],
        ['429 · 5/5', true],
      ],
    );
    assert.ok(dots[0].y > dots[1].y && dots[1].y > dots[2].y && dots[3].y === chart.chart.fullY, 'rising to the limit');
    assert.equal(line, dots.map((dot) => `${dot.x},${dot.y}`).join(' '));

    const svg = mountQuotaChart(fakeDocument, chart.chart);
    const all: FakeElement[] = [];
    const walk = (element: FakeElement) => {
      all.push(element);
      element.children.forEach(walk);
    };
    walk(svg);
    assert.ok(all.every((element) => element.namespace === 'http://www.w3.org/2000/svg'));
    assert.deepEqual([...new Set(all.map((element) => element.tag))].sort(), [
      'circle',
      'line',
      'polyline',
      'svg',
      'title',
    ]);
    assert.ok(all.every((element) => !('style' in element.attributes) && !('href' in element.attributes)));
    assert.equal(all.filter((element) => element.attributes.class === 'dot throttled').length, 1);
  });

  it('draws nothing with fewer than two reported sends, or without a history', () => {
    assert.equal(quotaChartShape([{ used: 1, limit: 5, throttled: false }]), null);
    const model = buildResponseViewModel(exchangeFixture());
    assert.equal(model.throttle?.history, undefined);
    const tree = renderResponse(model, { tab: 'body', bodyMode: 'pretty', cards: { throttle: true } });
    assert.equal(find(tree, 'quota-chart'), undefined);
  });
});
