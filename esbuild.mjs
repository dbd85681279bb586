// Bundles the extension, the CLI, the webview and the extension-host test suites with esbuild.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const production = process.argv.includes('--production');
// node-fetch@2 takes `URL` from node:url and only falls back to whatwg-url (with tr46's 260 KB table) where
// Node has none; hand it Node's own classes so the bundles stay small.
const nodeUrlForWhatwgUrl = {
  name: 'node-url-for-whatwg-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url-shim' }, () => ({
      contents: 'module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };',
      loader: 'js',
    }));
  },
};
// The front ends import the core through one index (src/core/index.ts). Its modules run no code when
// loaded, so marking them free of side effects lets esbuild drop every module a bundle does not use,
// as it would with deep imports.
const coreDir = join(process.cwd(), 'src', 'core');
const coreWithoutSideEffects = {
  name: 'core-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^\.\.?(\/|$)/ }, async (args) => {
      if (args.pluginData?.resolvingCore || !args.importer) return undefined;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolvingCore: true },
      });
      return errors.length === 0 && path.startsWith(coreDir) ? { path, sideEffects: false } : undefined;
    });
  },
};
// A build's own plugins go between the two: esbuild asks the plugins in order, and the last one takes
// every relative import the others leave.
const withPlugins = (...plugins) => [nodeUrlForWhatwgUrl, ...plugins, coreWithoutSideEffects];
const common = {
  plugins: withPlugins(),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // tough-cookie's public-suffix check reads tldts; its ICANN-only build (same API, same project) keeps
  // the VSIX under budget. Private suffixes (github.io …) are then not public suffixes to the jar.
  alias: { tldts: 'tldts-icann' },
};

function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => typeof f === 'string' && f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

// VS Code's extension host patches the built-in `http`/`https` modules for its proxy support: the
// request moves onto a proxy agent asynchronously, after node-fetch has written the headers, so the
// core's exact-headers agent throws (ERR_HTTP_HEADERS_SENT) or is dropped. The extension bundle gets the
// exports VS Code kept unpatched (src/extension/adapters/unpatchedHttp*.ts); proxies come from
// HTTP(S)_PROXY / NO_PROXY through the core, as in the CLI.
const unpatchedHttp = {
  name: 'unpatched-http',
  setup(build) {
    build.onResolve({ filter: /^(node:)?https?$/ }, (args) => {
      if (args.importer.includes('unpatchedHttp')) return { path: args.path, external: true };
      const https = args.path.endsWith('https');
      return { path: join(process.cwd(), 'src/extension/adapters', https ? 'unpatchedHttps.ts' : 'unpatchedHttp.ts') };
    });
  },
};

// The CLI is split so a process compiles only what its command runs (V8 parses a whole script when it
// loads it, used or not): dist/cli.js is the small entry, each subcommand is its own bundle in
// dist/cli/ (loaded with a V8 code cache, src/cli/codeCache/), and the packages the core loads only on
// first use (JSONPath, dotenv, proxy agents, Day.js) are bundles of their own in dist/cli/vendor/.
// One command runs per process, so the command bundles sharing no module instances is harmless; the
// vendor packages hold no state shared with ours.
const cliCommands = {
  parseCommand: 'parse',
  checkCommand: 'check',
  signCommand: 'sign',
  sendCommand: 'send',
  importCommand: 'import',
  mockGatewayCommand: 'mock-gateway',
};
const cliVendors = [
  'jsonpath-plus',
  'dotenv',
  'http-proxy-agent',
  'https-proxy-agent',
  'dayjs',
  'dayjs/plugin/utc',
  'tough-cookie',
];
// Our own modules that a command `require()`s only when needed (a gateway error, `??` assertions,
// --junit) become chunks of their own, dist/cli/lazy-NAME.js (beside the commands, so their own
// requires of ./vendor/ resolve as the commands' do).
const cliLazyChunks = {
  'src/core/explain/explainGatewayError.ts': 'explain',
  'src/core/assert/evaluateAssertions.ts': 'assertions',
  'src/cli/report/writeReports.ts': 'reports',
  'src/core/oauth2/runGrant.ts': 'oauth2',
};
const cliSplit = {
  name: 'cli-split',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/\w+Command$/ }, (args) => {
      const name = cliCommands[args.path.slice('./commands/'.length)];
      return name && args.importer.endsWith(join('src', 'cli', 'main.ts'))
        ? { path: name, namespace: 'cli-command' }
        : undefined;
    });
    // main.ts's require('./commands/sendCommand') becomes: load dist/cli/send.js with the V8 code cache.
    build.onLoad({ filter: /.*/, namespace: 'cli-command' }, (args) => ({
      contents: `const { requireCommandBundle } = require('./codeCache/requireCommandBundle');\nmodule.exports = requireCommandBundle(__dirname, ${JSON.stringify(args.path)});`,
      resolveDir: join(process.cwd(), 'src', 'cli'),
      loader: 'js',
    }));
    build.onResolve({ filter: new RegExp(`^(${cliVendors.join('|')})$`) }, (args) =>
      args.kind === 'require-call' ? { path: `./vendor/${args.path}.js`, external: true } : undefined,
    );
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'require-call') return undefined;
      const chunk =
        cliLazyChunks[
          relative(process.cwd(), join(args.resolveDir, `${args.path}.ts`))
            .split('\\')
            .join('/')
        ];
      return chunk ? { path: `./lazy-${chunk}.js`, external: true } : undefined;
    });
  },
};
const cliCommandEntries = Object.entries(cliCommands).map(([file, name]) => ({
  in: `src/cli/commands/${file}.ts`,
  out: name,
}));
const cliVendorEntries = cliVendors.map((name) => ({ in: name, out: name }));
const cliLazyEntries = Object.entries(cliLazyChunks).map(([file, name]) => ({ in: file, out: `lazy-${name}` }));

// The import commands' code (YAML, OpenAPI $refs, shell words) is dist/import.js, which the extension
// requires on first use (src/extension/commands/loadImporter.ts), so activation never parses it.
const lazyImporter = {
  name: 'lazy-importer',
  setup(build) {
    build.onResolve({ filter: /core\/import$/ }, (args) =>
      args.kind === 'require-call' ? { path: './import.js', external: true } : undefined,
    );
  },
};

const builds = [
  esbuild.build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: withPlugins(unpatchedHttp, lazyImporter),
  }),
  esbuild.build({ ...common, entryPoints: [{ in: 'src/core/import/index.ts', out: 'import' }], outdir: 'dist' }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: withPlugins(cliSplit),
  }),
  esbuild.build({
    ...common,
    entryPoints: cliCommandEntries,
    outdir: 'dist/cli',
    plugins: withPlugins(cliSplit),
  }),
  esbuild.build({ ...common, entryPoints: cliVendorEntries, outdir: 'dist/cli/vendor' }),
  esbuild.build({ ...common, entryPoints: cliLazyEntries, outdir: 'dist/cli', plugins: withPlugins(cliSplit) }),
];
if (existsSync('src/webview/main.ts')) {
  builds.push(
    esbuild.build({
      ...common,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      entryPoints: ['src/webview/main.ts'],
      outfile: 'dist/webview/main.js',
    }),
  );
  if (existsSync('src/webview/styles.css')) {
    mkdirSync('dist/webview', { recursive: true });
    copyFileSync('src/webview/styles.css', 'dist/webview/styles.css');
  }
}
const integration = testEntries('test/integration');
if (integration.length > 0) {
  builds.push(
    esbuild.build({
      ...common,
      sourcemap: true,
      minify: false,
      entryPoints: integration,
      outbase: 'test',
      outdir: 'out/test',
      bundle: true,
      external: ['vscode', 'mocha', '@vscode/test-electron', 'playwright-core'],
    }),
  );
}
const ui = testEntries('test/ui');
if (ui.length > 0) {
  builds.push(
    esbuild.build({
      ...common,
      sourcemap: true,
      minify: false,
      entryPoints: ui,
      outbase: 'test',
      outdir: 'out/test',
      external: ['mocha', 'playwright-core'],
    }),
  );
}
const bench = testEntries('bench');
if (bench.length > 0) {
  builds.push(
    esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: bench, outbase: '.', outdir: 'out' }),
  );
}
await Promise.all(builds);
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
