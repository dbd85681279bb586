import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { HistoryFile, historyFileName, storedBodyBytes } from '../../../src/extension/state/historyFile';
import {
  historyBodiesKept,
  historyBodyBytes,
  type HistorySettings,
  ResponseHistory,
} from '../../../src/extension/state/responseHistory';
import { exchangeFixture, secret } from './exchangeFixture';

function entry(id: number, bodyBytes: number, bodyFile: string | null = null, bodyText?: string) {
  const model = buildResponseViewModel(
    exchangeFixture(
      { id, title: `request ${id}` },
      bodyText === undefined ? {} : { body: Buffer.from(bodyText), bodyText, size: bodyText.length },
    ),
  );
  return { model, context: { model, body: new Uint8Array(bodyBytes), bodyFile, curl: async () => null } };
}

const inMemory =
  (maxEntries = 50): (() => HistorySettings) =>
  () => ({ saveToDisk: false, maxEntries });

describe('ResponseHistory', () => {
  it('keeps the last responses, newest first, up to gwhttp.history.maxEntries; body bytes only for the newest', async () => {
    const history = new ResponseHistory(inMemory(30));
    for (let id = 1; id <= 35; id++) {
      const { model, context } = entry(id, 10);
      history.add(model, context);
    }
    const kept = await history.list();
    assert.equal(kept.length, 30);
    assert.equal(kept[0].model.id, 35);
    assert.equal(kept[kept.length - 1].model.id, 6);
    assert.deepEqual(
      kept.map((one) => one.context !== null),
      kept.map((_one, index) => index < historyBodiesKept),
    );
  });

  it('drops the body bytes of a large response (its actions then say to send again), but keeps a spilled one', async () => {
    const history = new ResponseHistory(inMemory());
    const small = entry(1, historyBodyBytes);
    const large = entry(2, historyBodyBytes + 1);
    const spilled = entry(3, 1024, '/tmp/gwhttp-body-x');
    history.add(small.model, small.context);
    history.add(large.model, large.context);
    history.add(spilled.model, spilled.context);
    assert.deepEqual(
      (await history.list()).map((kept) => [kept.model.id, kept.context !== null]),
      [
        [3, true],
        [2, false],
        [1, true],
      ],
    );
  });
});

describe('ResponseHistory on disk (gwhttp.history.saveToDisk)', () => {
  let dir = '';
  let file = '';
  let warnings: string[] = [];
  const onDisk =
    (maxEntries = 50) =>
    () => ({ saveToDisk: true, maxEntries });
  const store = () => new HistoryFile(file, (message) => warnings.push(message));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-history-'));
    file = path.join(dir, 'workspace-storage', historyFileName);
    warnings = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes after each send and a later window reads the entries back, after its own, redacted', async () => {
    const window1 = new ResponseHistory(onDisk(), store());
    for (const id of [1, 2]) {
      const { model, context } = entry(id, 10, null, `{"echoed":"${secret}","id":${id}}`);
      window1.add(model, context);
    }
    await window1.saved();
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes(secret), 'the secret the server echoed is not on disk');
    assert.ok(text.includes('request 2'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);

    const window2 = new ResponseHistory(onDisk(), store());
    const fresh = entry(3, 10);
    window2.add(fresh.model, fresh.context);
    const listed = await window2.list();
    assert.deepEqual(
      listed.map((kept) => [kept.model.id, kept.fromDisk === true, kept.context !== null]),
      [
        [3, false, true],
        [2, true, false],
        [1, true, false],
      ],
    );
    assert.deepEqual(listed[1].model, entry(2, 10, null, `{"echoed":"${secret}","id":2}`).model);
    await window2.saved();
    const third = await new ResponseHistory(onDisk(2), store()).list();
    assert.deepEqual(
      third.map((kept) => kept.model.id),
      [3, 2],
      'capped at maxEntries',
    );
    assert.deepEqual(warnings, []);
  });

  it('stores a body over 256 KB truncated, with a note', async () => {
    const big = 'x'.repeat(storedBodyBytes + 5000);
    const history = new ResponseHistory(onDisk(), store());
    const { model, context } = entry(1, 10, null, big);
    history.add(model, context);
    await history.saved();
    const [back] = await new ResponseHistory(onDisk(), store()).list();
    assert.equal(back.model.body.kind, 'text');
    if (back.model.body.kind !== 'text') return;
    assert.ok(Buffer.byteLength(back.model.body.raw) <= storedBodyBytes);
    assert.equal(back.model.body.truncated, true);
    assert.ok(back.model.notes.some((note) => /truncated to 256 KB/.test(note)));
    assert.ok(fs.statSync(file).size < storedBodyBytes + 64 * 1024);
  });

  it('ignores a corrupt file with a warning, and an entry that is not a response', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"version": 1, "entries": [tru');
    assert.deepEqual(await new ResponseHistory(onDisk(), store()).list(), []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /not JSON/);
    const good = entry(5, 10).model;
    fs.writeFileSync(file, JSON.stringify({ version: 1, entries: [{ id: 'x' }, good] }));
    const listed = await new ResponseHistory(onDisk(), store()).list();
    assert.deepEqual(
      listed.map((kept) => kept.model.id),
      [5],
    );
    assert.match(warnings[1], /1 unreadable entry/);
  });

  it('turned off: nothing is read, and the file is deleted on the next send', async () => {
    const on = new ResponseHistory(onDisk(), store());
    const { model, context } = entry(1, 10);
    on.add(model, context);
    await on.saved();
    assert.ok(fs.existsSync(file));
    const off = new ResponseHistory(inMemory(), store());
    assert.deepEqual(await off.list(), []);
    off.add(model, context);
    await off.saved();
    assert.ok(!fs.existsSync(file));
  });
});
