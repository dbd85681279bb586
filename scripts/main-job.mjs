#!/usr/bin/env node
// The README's main job (`npm start`, after `npm run build`): check the examples as CI would
// (`gwhttp check --env local --strict`: no errors, no warnings such as a literal secret), start the
// local mock gateway on a free port, send every example in examples/*.gwhttp through the CLI (environment `local`, the mock's URL
// as `--var gateway=…`), print each response with its throttling line, stop the mock, and exit
// non-zero if any send failed. The demo secrets below are public and valid only against the mock
// (see examples/README.md); they are passed through the environment, never written into a file.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
const examplesDir = join(root, 'examples');
const demoSecrets = {
  GWHTTP_SECRET_AKIDgwhttpDEMO0000000000000000000001: 'gwhttp-demo-secret-0001-not-a-real-key',
  GWHTTP_SECRET_APIDgwhttpDEMO0000000000000000000001: 'gwhttp-demo-app-secret-0001-not-a-real-key',
  GWHTTP_SECRET_AKIDGWHTTPDEMO000001: 'gwhttp-demo-aws-secret-0001-not-a-real-key',
  GWHTTP_SECRET_AKIDgwhttpTC3DEMO000000000000000001: 'gwhttp-demo-tc3-secret-0001-not-a-real-key',
  GWHTTP_SECRET_203753385: 'gwhttp-demo-alibaba-secret-0001-not-a-real-key',
  GWHTTP_SECRET_gwhttp_demo_huawei_app_key: 'gwhttp-demo-huawei-secret-0001-not-a-real-key',
  // The standard schemes' demo credentials (src/cli/mockGateway/standardMockKeys.ts).
  GWHTTP_SECRET_gwhttp_demo_rfc9421: 'gwhttp-demo-rfc9421-secret-not-a-real-key',
  GWHTTP_SECRET_gwhttp_demo_ed25519:
    '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEICUOQik12tW21rMkJX7J+DzeQEjoB4PBKg4HM3HgD01y\n-----END PRIVATE KEY-----\n',
  GWHTTP_SECRET_akab_gwhttp_demo_client_token: 'gwhttp-demo-edgegrid-secret-not-a-real-key=',
  GWHTTP_SECRET_gwhttp_demo_consumer: 'gwhttp-demo-consumer-secret-not-a-real-key',
  GWHTTP_SECRET_gwhttp_demo_token: 'gwhttp-demo-token-secret-not-a-real-key',
  GWHTTP_SECRET_gwhttp_demo_user: 'gwhttp-demo-password-not-a-real-one',
};
const startTimeoutMs = 15_000;
const stopTimeoutMs = 5_000;

function fail(message) {
  process.stderr.write(`main job: ${message}\n`);
  return 1;
}

/** Starts `gwhttp mock-gateway --port 0` and resolves with its URL from the first stdout line. */
function startMock(log) {
  const child = spawn(process.execPath, [cli, 'mock-gateway', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolve, reject) => {
    let buffered = '';
    let url = null;
    const timer = setTimeout(
      () => reject(new Error(`the mock gateway printed no listening line within ${startTimeoutMs} ms`)),
      startTimeoutMs,
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      let end;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (url === null) {
          const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
          if (!match) return reject(new Error(`unexpected first line from the mock gateway: ${line}`));
          url = match[1];
          clearTimeout(timer);
          resolve(url);
        } else {
          log.push(line);
        }
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the mock gateway exited early (${signal ?? `exit ${code}`})`));
    });
  });
  return { child, ready };
}

function stopMock(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
    child.kill('SIGTERM');
  });
}

/** `gwhttp check` over the examples: resolves with its exit code (its report goes to the console). */
function checkExamples(files) {
  const args = [cli, 'check', ...files.map((file) => relative(root, file)), '--env', 'local', '--strict'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.once('error', () => resolve(1));
  });
}

function sendExample(file, url) {
  const args = [cli, 'send', relative(root, file), '--all', '--env', 'local', '--var', `gateway=${url}`];
  const env = { ...process.env };
  for (const [name, value] of Object.entries(demoSecrets)) env[name] ??= value;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.once('error', () => resolve(1));
  });
}

async function main() {
  if (!existsSync(cli)) return fail(`${relative(root, cli)} is missing: run "npm run build" first (npm start does).`);
  const examples = readdirSync(examplesDir)
    .filter((name) => name.endsWith('.gwhttp'))
    .sort()
    .map((name) => join(examplesDir, name));
  if (examples.length === 0) return fail('no examples/*.gwhttp to send');
  process.stdout.write('=== gwhttp check ===\n');
  const checked = await checkExamples(examples);
  if (checked !== 0) return fail(`gwhttp check found problems in the examples (exit ${checked}); nothing was sent.`);
  const mockLog = [];
  const mock = startMock(mockLog);
  const stopOnSignal = () => void stopMock(mock.child).then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let url;
  try {
    url = await mock.ready;
  } catch (error) {
    await stopMock(mock.child);
    return fail(error.message);
  }
  process.stdout.write(`mock gateway listening on ${url}\n`);
  const results = [];
  for (const file of examples) {
    process.stdout.write(`\n=== ${relative(root, file)} ===\n`);
    results.push({ file, code: await sendExample(file, url) });
  }
  const mockExit = await stopMock(mock.child);
  process.stdout.write(`\n=== mock gateway log ===\n${mockLog.filter((line) => line !== '').join('\n')}\n`);
  process.stdout.write('\n=== summary ===\n');
  for (const { file, code } of results)
    process.stdout.write(
      `${code === 0 ? 'ok    ' : 'FAILED'} ${relative(root, file)}${code === 0 ? '' : ` (exit ${code})`}\n`,
    );
  if (mockExit !== 0) process.stdout.write(`mock gateway stopped with exit ${mockExit}\n`);
  const failed = results.filter((result) => result.code !== 0).length;
  process.stdout.write(
    failed === 0
      ? `all ${results.length} example files sent successfully\n`
      : `${failed} of ${results.length} example files failed\n`,
  );
  return failed === 0 && mockExit === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`main job: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
