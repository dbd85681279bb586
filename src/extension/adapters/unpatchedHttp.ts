/**
 * `http` for the extension bundle (esbuild maps `require('http')` here). VS Code's extension host patches
 * the built-in module for its proxy support: the request is moved onto a proxy agent asynchronously,
 * after node-fetch has written the headers, so the core's exact-headers agent fails or is dropped.
 * VS Code keeps the untouched exports as `__vscodeOriginal`; use them when present. Proxies are then
 * taken from HTTP(S)_PROXY / NO_PROXY by the core, as in the CLI.
 */
import type * as http from 'node:http';

type PatchedModule = typeof http & { __vscodeOriginal?: typeof http };

const builtin = require('node:http') as PatchedModule;

export = builtin.__vscodeOriginal ?? builtin;
