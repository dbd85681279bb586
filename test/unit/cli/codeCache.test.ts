import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { codeCacheDirectory } from '../../../src/cli/codeCache/codeCacheDirectory';
import { cacheFileName, requireWithCodeCache } from '../../../src/cli/codeCache/requireWithCodeCache';
import { tempDir } from '../http/loopback';

/** A small CommonJS "bundle" with content of its own (V8 keeps compiled scripts per process by source). */
function writeBundle(dir: string, name: string, marker: string): string {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(
    file,
    `'use strict';\nconst path = require('node:path');\nexports.marker = ${JSON.stringify(marker)};\nexports.dir = path.basename(__dirname);\nexports.twice = (n) => n * 2;\n`,
  );
  return file;
}

describe('CLI code cache', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('codeCacheDirectory', () => {
    const home = () => '/home/someone';
    it('is ~/.cache/gwhttp/v8 by default', () =>
      assert.equal(codeCacheDirectory({}, home), path.join('/home/someone', '.cache', 'gwhttp', 'v8')));
    it('follows XDG_CACHE_HOME when it is absolute', () => {
      assert.equal(
        codeCacheDirectory({ XDG_CACHE_HOME: '/var/cache/me' }, home),
        path.join('/var/cache/me', 'gwhttp', 'v8'),
      );
      assert.equal(
        codeCacheDirectory({ XDG_CACHE_HOME: 'relative' }, home),
        path.join('/home/someone', '.cache', 'gwhttp', 'v8'),
      );
    });
    it('takes GWHTTP_CODE_CACHE_DIR first', () =>
      assert.equal(codeCacheDirectory({ GWHTTP_CODE_CACHE_DIR: '/tmp/cc', XDG_CACHE_HOME: '/x' }, home), '/tmp/cc'));
    it('is off with GWHTTP_NO_CODE_CACHE or NODE_DISABLE_COMPILE_CACHE', () => {
      assert.equal(codeCacheDirectory({ GWHTTP_NO_CODE_CACHE: '1', GWHTTP_CODE_CACHE_DIR: '/tmp/cc' }, home), null);
      assert.equal(codeCacheDirectory({ NODE_DISABLE_COMPILE_CACHE: '1' }, home), null);
    });
    it('is off when there is no home folder', () => {
      assert.equal(
        codeCacheDirectory({}, () => ''),
        null,
      );
      assert.equal(
        codeCacheDirectory({}, () => {
          throw new Error('no passwd entry');
        }),
        null,
      );
    });
  });

  describe('requireWithCodeCache', () => {
    it('runs the bundle as a CommonJS module and writes its cache at exit', () => {
      const cache = path.join(dir, 'cache');
      const file = writeBundle(dir, 'send', `first-${Math.random()}`);
      const atExit: Array<() => void> = [];
      const loaded = requireWithCodeCache(file, cache, (action) => atExit.push(action)) as {
        marker: string;
        dir: string;
        twice(n: number): number;
      };
      assert.match(loaded.marker, /^first-/);
      assert.equal(loaded.dir, path.basename(dir), '__dirname is the bundle folder');
      assert.equal(loaded.twice(21), 42);
      assert.equal(atExit.length, 1, 'no cache yet: one is written at exit');
      assert.equal(fs.existsSync(cache), false, 'nothing is written before exit');
      atExit[0]();
      const written = fs.readdirSync(cache);
      assert.deepEqual(written, [cacheFileName('send', fs.readFileSync(file, 'utf8'))]);
      assert.ok(fs.statSync(path.join(cache, written[0])).size > 100, 'holds V8 data');
      if (process.platform !== 'win32') assert.equal(fs.statSync(cache).mode & 0o777, 0o700, 'a private folder');
    });

    it("names the cache by content, Node version and architecture, and removes the bundle's older caches", () => {
      const cache = path.join(dir, 'cache');
      const first = writeBundle(dir, 'send', `one-${Math.random()}`);
      const atExit: Array<() => void> = [];
      requireWithCodeCache(first, cache, (action) => atExit.push(action));
      atExit.pop()!();
      fs.writeFileSync(path.join(cache, 'sign-0000-v0-x.v8cache'), 'another bundle');
      const oldName = fs.readdirSync(cache).find((name) => name.startsWith('send-'))!;
      assert.ok(oldName.includes(process.version) && oldName.includes(process.arch), oldName);
      const second = writeBundle(dir, 'send', `two-${Math.random()}`);
      requireWithCodeCache(second, cache, (action) => atExit.push(action));
      atExit.pop()!();
      const names = fs.readdirSync(cache).sort();
      assert.equal(names.length, 2, names.join(', '));
      assert.ok(!names.includes(oldName), "the rebuilt bundle's old cache is gone");
      assert.ok(names.includes('sign-0000-v0-x.v8cache'), "other bundles' caches stay");
    });

    it('still loads when the cache folder cannot be written (a file stands in its place)', () => {
      const blocked = path.join(dir, 'blocked');
      fs.writeFileSync(blocked, 'not a folder');
      const file = writeBundle(dir, 'parse', `blocked-${Math.random()}`);
      const atExit: Array<() => void> = [];
      const loaded = requireWithCodeCache(file, path.join(blocked, 'v8'), (action) => atExit.push(action)) as {
        marker: string;
      };
      assert.match(loaded.marker, /^blocked-/);
      assert.doesNotThrow(() => atExit[0]());
    });

    it('is a plain require when the cache is off', () => {
      const file = writeBundle(dir, 'send', `plain-${Math.random()}`);
      const atExit: Array<() => void> = [];
      const loaded = requireWithCodeCache(file, null, (action) => atExit.push(action)) as { marker: string };
      assert.match(loaded.marker, /^plain-/);
      assert.equal(atExit.length, 0);
      assert.equal(fs.readdirSync(dir).length, 1);
    });
  });
});
