/** `https` for the extension bundle: the exports VS Code kept before patching (see unpatchedHttp.ts). */
import type * as http from 'node:http';
import type * as https from 'node:https';

import { withNodeRequest } from './nodeRequest';

type PatchedModule = typeof https & { __vscodeOriginal?: typeof https };

const builtin = require('node:https') as PatchedModule;

const { ClientRequest } = require('node:http') as typeof http;

export = builtin.__vscodeOriginal ?? withNodeRequest(builtin, ClientRequest, builtin.globalAgent);
