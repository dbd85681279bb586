import type * as vscode from 'vscode';

import type { RequestIdentity } from '../../core';

/**
 * What was sent last in this window, for Rerun Last Request: one request, known by what identifies it
 * (never by its index, which an edit above it shifts), or a Send All run, which Rerun does not repeat.
 */
export type LastSent =
  { kind: 'request'; uri: vscode.Uri; identity: RequestIdentity } | { kind: 'run'; uri: vscode.Uri; count: number };
