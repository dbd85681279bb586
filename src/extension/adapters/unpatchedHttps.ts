/** `https` for the extension bundle: the exports VS Code kept before patching (see unpatchedHttp.ts). */
import type * as https from 'node:https';

type PatchedModule = typeof https & { __vscodeOriginal?: typeof https };

const builtin = require('node:https') as PatchedModule;

export = builtin.__vscodeOriginal ?? builtin;
