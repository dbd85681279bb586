import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { tempDir } from '../http/loopback';

const root = path.resolve(__dirname, '../../..');

describe('gwhttp output piped into a reader that stops early (gwhttp … | head)', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ends without an error or a stack trace', async () => {
    const requests = Array.from(
      { length: 3000 },
      (_, i) => `### request ${i}\nGET http://127.0.0.1:9/orders/${i}\nAccept: application/json\n`,
    );
    fs.writeFileSync(path.join(dir, 'many.gwhttp'), requests.join('\n'));
    const child = spawn(
      process.execPath,
      ['-r', 'tsx/cjs', path.join(root, 'src/cli/main.ts'), 'parse', 'many.gwhttp', '--json'],
      {
        cwd: dir,
        env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let firstChunk = '';
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    assert.ok(firstChunk.length > 0, 'some output came first');
    assert.equal(stderr, '', 'nothing on stderr');
    assert.equal(code, 0);
  });
});
