import { randomBytes } from 'node:crypto';

import type * as vscode from 'vscode';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one escaping helper for anything interpolated into the shell. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEscapes[character]);
}

/** A fresh nonce for every render, from the OS CSPRNG. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The static shell of the response panel: a strict CSP (nonce-only scripts, styles and images from the
 * extension's dist/webview, `data:` images), one script, one stylesheet, no response data at all.
 */
export function responseHtml(
  webview: vscode.Webview,
  scriptUri: vscode.Uri,
  styleUri: vscode.Uri,
  nonce: string,
): string {
  const source = webview.cspSource;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${source}`,
    `img-src ${source} data:`,
    `font-src ${source}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(styleUri.toString())}">
<title>GW HTTP Response</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptUri.toString())}"></script>
</body>
</html>`;
}
