import * as vscode from 'vscode';

import { foldingRanges, splitLines } from '../../core';

/** One fold per request region (separator to separator) and one per block of the block form. */
export class GwHttpFoldingRangeProvider implements vscode.FoldingRangeProvider {
  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return foldingRanges(splitLines(document.getText())).map(
      (range) =>
        new vscode.FoldingRange(
          range.startLine - 1,
          range.endLine - 1,
          range.kind === 'region' ? vscode.FoldingRangeKind.Region : undefined,
        ),
    );
  }
}
