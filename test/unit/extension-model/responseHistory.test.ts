import assert from 'node:assert/strict';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { historyBodyBytes, historySize, ResponseHistory } from '../../../src/extension/state/responseHistory';
import { exchangeFixture } from './exchangeFixture';

function entry(id: number, bodyBytes: number, bodyFile: string | null = null) {
  const model = buildResponseViewModel(exchangeFixture({ id, title: `request ${id}` }));
  return { model, context: { model, body: new Uint8Array(bodyBytes), bodyFile, curl: async () => null } };
}

describe('ResponseHistory', () => {
  it('keeps the last responses, newest first, up to its size', () => {
    const history = new ResponseHistory();
    for (let id = 1; id <= historySize + 5; id++) {
      const { model, context } = entry(id, 10);
      history.add(model, context);
    }
    const ids = history.list().map((kept) => kept.model.id);
    assert.equal(ids.length, historySize);
    assert.equal(ids[0], historySize + 5);
    assert.equal(ids[ids.length - 1], 6);
  });

  it('drops the body bytes of a large response (its actions then say to send again), but keeps a spilled one', () => {
    const history = new ResponseHistory();
    const small = entry(1, historyBodyBytes);
    const large = entry(2, historyBodyBytes + 1);
    const spilled = entry(3, 1024, '/tmp/gwhttp-body-x');
    history.add(small.model, small.context);
    history.add(large.model, large.context);
    history.add(spilled.model, spilled.context);
    assert.deepEqual(
      history.list().map((kept) => [kept.model.id, kept.context !== null]),
      [
        [3, true],
        [2, false],
        [1, true],
      ],
    );
  });
});
