import * as vscode from 'vscode';

import { hoverForReference } from '../../core';
import type { VariableCatalog } from './variableCatalog';

/** On a `{{variable}}`: its resolved value (secrets masked) and where it comes from. */
export class GwHttpHoverProvider implements vscode.HoverProvider {
  constructor(private readonly catalog: VariableCatalog) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | null> {
    const found = await this.catalog.referenceAt(document, position);
    if (!found) return null;
    const { reference, parsed, variables } = found;
    const [environment, system] = await Promise.all([
      this.catalog.environmentFor(document),
      this.catalog.systemEnvironment(document),
    ]);
    const hover = hoverForReference(reference, variables, parsed, environment, system);
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**${escapeMarkdown(hover.title)}**`);
    if (hover.value !== null) markdown.appendMarkdown('\n\n').appendCodeblock(hover.value, 'text');
    for (const detail of hover.details) markdown.appendMarkdown(`\n\n${escapeMarkdown(detail)}`);
    const range = new vscode.Range(position.line, reference.column, position.line, reference.endColumn);
    return new vscode.Hover(markdown, range);
  }
}

/** Backslash-escapes Markdown syntax so file text shows as written (spaces stay breakable, unlike appendText). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`);
}
