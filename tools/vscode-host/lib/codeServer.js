'use strict';
// Starts code-server (VS Code 1.100.3 server + web workbench) on 127.0.0.1:<free port> with a fresh,
// isolated state, and tears down its whole process group afterwards.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { sleep, withTimeout, ensureDir, log } = require('./util');
const { UNTRUSTED_SETTINGS } = require('./restrictedMode');

const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.autoDetect': 'off',
};

/** Process groups started and not yet stopped, so a signal handler can kill them (see killAllNow). */
const running = new Set();

const FLAGS = ['--auth', 'none', '--disable-telemetry', '--disable-update-check',
  '--disable-getting-started-override', '--ignore-last-opened'];

/**
 * Workspace trust: off by default (else Restricted Mode). `untrusted` turns it on; the fresh browser profile
 * and user-data-dir trust no folder, so the workspace opens in Restricted Mode (see restrictedMode.js).
 */
function trustFlags(untrusted) {
  return untrusted ? [] : ['--disable-workspace-trust'];
}

function trustSettings(untrusted) {
  return untrusted ? { ...SETTINGS, ...UNTRUSTED_SETTINGS } : SETTINGS;
}

/** The parent's environment minus what would redirect or hijack code-server (see the recipe's pitfalls). */
function serverEnv(extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') && key !== 'VSCODE_TEST_OPTIONS') continue;
    if (key.startsWith('CODE_SERVER_')) continue;
    if (['PASSWORD', 'HASHED_PASSWORD', 'PORT', 'ELECTRON_RUN_AS_NODE'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, EXTENSIONS_GALLERY: '{}', ...extra };
}

function prepareState(label, settings) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `vsx-${label}-`));
  const state = {
    root,
    userDataDir: path.join(root, 'data'),
    extensionsDir: ensureDir(path.join(root, 'ext')),
    config: path.join(root, 'config.yaml'),
    socket: path.join(root, 's.sock'),
  };
  ensureDir(path.join(state.userDataDir, 'User'));
  fs.writeFileSync(path.join(state.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(state.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return state;
}

function entryScript(toolsDir) {
  const entry = path.join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server is not installed in ${toolsDir}: run tools/vscode-host/setup-vscode-host.sh`);
  return entry;
}

function installVsix(entry, state, vsix, env, logFile) {
  const args = [entry, '--config', state.config, '--user-data-dir', state.userDataDir,
    '--extensions-dir', state.extensionsDir, '--install-extension', vsix];
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 120_000 });
  fs.appendFileSync(logFile, `$ code-server --install-extension ${vsix}\n${result.stdout}${result.stderr}\n`);
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (see ${logFile})`);
}

/**
 * Starts code-server; resolves once it listens. Returns { baseUrl, port, state, child, exited, stop() }.
 * `exited` is a promise that settles when the server dies (so callers can race against a crash).
 */
async function startCodeServer({ toolsDir, artifacts, label, env: extraEnv, vsix, installExtensions = [], workspace, untrusted = false }) {
  const entry = entryScript(toolsDir);
  const state = prepareState(label, trustSettings(untrusted));
  const env = serverEnv(extraEnv);
  const logFile = path.join(artifacts, `code-server-${label}.log`);
  fs.writeFileSync(logFile, '');
  if (vsix) installVsix(entry, state, vsix, env, logFile);
  for (const other of installExtensions) installVsix(entry, state, other, env, logFile);
  const args = [entry, '--config', state.config, '--bind-addr', '127.0.0.1:0', ...FLAGS, ...trustFlags(untrusted),
    '--user-data-dir', state.userDataDir, '--extensions-dir', state.extensionsDir,
    '--session-socket', state.socket, workspace];
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child.pid);
  const out = fs.createWriteStream(logFile, { flags: 'a' });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const listening = new Promise((resolve) => {
    let buffer = '';
    const onData = (chunk) => {
      out.write(chunk);
      buffer += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\/?/.exec(buffer);
      if (match) { resolve({ baseUrl: match[1], port: Number(match[2]) }); buffer = ''; }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => out.write(chunk));
  });
  const server = { child, state, exited, logFile, stop: () => stopServer(child, state, artifacts, label, out) };
  try {
    const died = exited.then(({ code, signal }) => { throw new Error(`code-server exited early (code ${code}, signal ${signal}); see ${logFile}`); });
    died.catch(() => undefined); // only the race below cares about an early exit
    const address = await withTimeout(Promise.race([listening, died]), 60_000, 'code-server start-up');
    log(`code-server (${label}) listening on ${address.baseUrl}`);
    return Object.assign(server, address);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

/** SIGTERM to code-server's process group, SIGKILL after a grace period; keeps the server-side logs. */
async function stopServer(child, state, artifacts, label, out) {
  const pid = child.pid;
  if (pid && groupAlive(pid)) {
    try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
    for (let i = 0; i < 30 && groupAlive(pid); i++) await sleep(100);
    if (groupAlive(pid)) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
  }
  running.delete(pid);
  out.end();
  const logs = path.join(state.userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifacts, `vscode-logs-${label}`), { recursive: true });
  fs.rmSync(state.root, { recursive: true, force: true });
}

/** Synchronous last resort on SIGINT/SIGTERM: SIGKILL every code-server group we started. */
function killAllNow() {
  for (const pid of running) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  }
  running.clear();
}

/** Text of the remote extension host's log(s) (`<user-data-dir>/logs/<date>/exthost<N>/remoteexthost.log`). */
function extHostLog(state) {
  const logs = path.join(state.userDataDir, 'logs');
  if (!fs.existsSync(logs)) return '';
  return fs.readdirSync(logs, { recursive: true })
    .filter((f) => typeof f === 'string' && f.endsWith('remoteexthost.log'))
    .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
    .join('\n');
}

module.exports = { startCodeServer, extHostLog, killAllNow, SETTINGS };
