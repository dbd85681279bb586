import * as vscode from 'vscode';

import { splitLines } from '../../core/language/documentLines';
import { foldingRanges } from '../../core/language/foldingRanges';

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
