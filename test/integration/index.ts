// Shared helpers for the extension-host tests (test/integration/suite/*.test.ts). They run inside the
// real extension host, under tools/vscode-host (code-server) or @vscode/test-electron alike.
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

export const extensionId = 'gwhttp.gwhttp';

/** The extension under test; throws when VS Code did not load it. */
export function gwhttpExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not loaded in this extension host`);
  return extension;
}

/** Absolute path of a file in test/fixtures/workspace (the folder the test workbench opens). */
export function workspaceFixture(relativePath: string): string {
  return path.join(gwhttpExtension().extensionPath, 'test', 'fixtures', 'workspace', relativePath);
}

/** Polls `check` every 50 ms until it returns a truthy value; rejects with `message` after `timeoutMs`. */
export async function waitUntil<T>(check: () => T | Promise<T>, timeoutMs: number, message: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a workspace fixture in an editor and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFixture(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

export interface ScopedToken {
  text: string;
  scopes: string[];
}

interface TextMateModules {
  textmate: typeof import('vscode-textmate');
  oniguruma: typeof import('vscode-oniguruma');
  wasmPath: string;
}

/**
 * VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma) from the running VS Code's install
 * (`vscode.env.appRoot`). The extension host does not expose the workbench's tokens (the internal
 * `_workbench.captureSyntaxTokens` command is not part of 1.100.3's web build), so the tests tokenize with
 * the very modules and version the workbench uses, fed with the grammars the extensions contribute.
 */
function loadTextMate(): TextMateModules {
  for (const folder of ['node_modules', 'node_modules.asar']) {
    const base = path.join(vscode.env.appRoot, folder);
    const wasmPath = path.join(base, 'vscode-oniguruma', 'release', 'onig.wasm');
    if (!fs.existsSync(wasmPath)) continue;
    return {
      textmate: require(path.join(base, 'vscode-textmate')) as TextMateModules['textmate'],
      oniguruma: require(path.join(base, 'vscode-oniguruma')) as TextMateModules['oniguruma'],
      wasmPath,
    };
  }
  throw new Error(`vscode-textmate / vscode-oniguruma not found under ${vscode.env.appRoot}`);
}

/** The grammar file contributed for `scopeName` by any loaded extension (ours, or built-ins like JSON). */
function findGrammarFile(scopeName: string): string | undefined {
  for (const extension of vscode.extensions.all) {
    const grammars = (extension.packageJSON?.contributes?.grammars ?? []) as { scopeName?: string; path?: string }[];
    const match = grammars.find((g) => g.scopeName === scopeName && g.path);
    if (match?.path) return path.join(extension.extensionPath, match.path);
  }
  return undefined;
}

async function loadWasmOnce(modules: TextMateModules): Promise<void> {
  const wasm = fs.readFileSync(modules.wasmPath);
  try {
    await modules.oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  } catch (error) {
    // Several test bundles share one extension host; the WASM may already be loaded.
    if (!String(error).includes('more than once')) throw error;
  }
}

/** Tokenizes `text` with the grammar of `scopeName` (default source.gwhttp); one token list per line. */
export async function tokenizeWithGrammar(text: string, scopeName = 'source.gwhttp'): Promise<ScopedToken[][]> {
  const modules = loadTextMate();
  await loadWasmOnce(modules);
  const { textmate, oniguruma } = modules;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      const file = findGrammarFile(scope);
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar contributed for ${scopeName}`);
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}
