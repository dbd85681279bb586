// Bundles the extension, the CLI, the webview and the extension-host test suites with esbuild.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning' };

function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => typeof f === 'string' && f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

const builds = [
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
];
if (existsSync('src/webview/main.ts')) {
  builds.push(esbuild.build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js' }));
  if (existsSync('src/webview/styles.css')) {
    mkdirSync('dist/webview', { recursive: true });
    copyFileSync('src/webview/styles.css', 'dist/webview/styles.css');
  }
}
const integration = testEntries('test/integration');
if (integration.length > 0) {
  builds.push(esbuild.build({ ...common, sourcemap: true, minify: false, entryPoints: integration, outbase: 'test', outdir: 'out/test', bundle: true, external: ['vscode', 'mocha', '@vscode/test-electron', 'playwright-core'] }));
}
const ui = testEntries('test/ui');
if (ui.length > 0) {
  builds.push(esbuild.build({ ...common, sourcemap: true, minify: false, entryPoints: ui, outbase: 'test', outdir: 'out/test', external: ['mocha', 'playwright-core'] }));
}
const bench = testEntries('bench');
if (bench.length > 0) {
  builds.push(esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: bench, outbase: '.', outdir: 'out' }));
}
await Promise.all(builds);
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
