/**
 * `http` for the extension bundle (esbuild maps `require('http')` here). VS Code's extension host patches
 * the built-in module for its proxy support: the request is moved onto a proxy agent asynchronously,
 * after node-fetch has written the headers, so the core's exact-headers agent fails or is dropped.
 * VS Code 1.100 and later keep the untouched exports as `__vscodeOriginal`; older versions (the 1.90
 * floor) keep them nowhere, so `request` and `get` are rebuilt here the way Node defines them, on the
 * `ClientRequest` class VS Code leaves alone. Proxies are then taken from HTTP(S)_PROXY / NO_PROXY and
 * the `http.proxy` setting by the core, as in the CLI.
 */
import type * as http from 'node:http';

import { withNodeRequest } from './nodeRequest';

type PatchedModule = typeof http & { __vscodeOriginal?: typeof http };

const builtin = require('node:http') as PatchedModule;

export = builtin.__vscodeOriginal ?? withNodeRequest(builtin, builtin.ClientRequest, null);
