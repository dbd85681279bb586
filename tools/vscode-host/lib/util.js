'use strict';
// Small shared helpers for the extension-host harness: logging, timeouts, module resolution.
const fs = require('node:fs');
const path = require('node:path');

function log(message) {
  process.stdout.write(`[vsx-host] ${message}\n`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class TimeoutError extends Error {}

/** Races `promise` against a timer; rejects with TimeoutError(`what` timed out after N s). */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check()` until it returns a truthy value; throws `message` after `ms`. */
async function waitFor(check, ms, message, intervalMs = 200) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new TimeoutError(message);
    await sleep(intervalMs);
  }
}

/** Resolves a package from the extension's own node_modules first, then from next to this harness. */
function requireFrom(extDir, name) {
  const resolved = require.resolve(name, { paths: [extDir, __dirname] });
  return require(resolved);
}

function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (recursively) whose name ends with `suffix`, sorted. */
function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => typeof f === 'string' && f.endsWith(suffix))
    .map((f) => path.join(dir, f))
    .sort();
}

function seconds(startMs) {
  return `${((Date.now() - startMs) / 1000).toFixed(1)}s`;
}

module.exports = { log, sleep, TimeoutError, withTimeout, waitFor, requireFrom, ensureDir, listFiles, seconds };
