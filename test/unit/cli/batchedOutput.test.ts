import assert from 'node:assert/strict';
import { Writable } from 'node:stream';

import { BatchedOutput } from '../../../src/cli/shared/batchedOutput';

/** A real stream that records each write it gets. */
function recordingStream(): { stream: Writable; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, writes };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchedOutput', () => {
  it('joins the writes of one turn of the event loop into one write, in order', async () => {
    const { stream, writes } = recordingStream();
    const output = new BatchedOutput(stream);
    output.write('a\n');
    output.write('');
    output.write('b\n');
    assert.deepEqual(writes, [], 'nothing before the turn ends');
    await nextTurn();
    output.write('c\n');
    await nextTurn();
    assert.deepEqual(writes, ['a\nb\n', 'c\n']);
  });

  it('flush writes what is pending at once, and nothing twice', async () => {
    const { stream, writes } = recordingStream();
    const output = new BatchedOutput(stream);
    output.write('result\n');
    output.flush();
    assert.deepEqual(writes, ['result\n']);
    output.flush();
    await nextTurn();
    assert.deepEqual(writes, ['result\n']);
  });
});
