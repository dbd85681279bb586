// Editor intelligence in the real extension host: completion, hover, go to definition, outline, folding,
// and the embedded JSON grammar. Fixture: test/fixtures/workspace/intelligence/ (env file beside it).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { gwhttpExtension, openFixture, tokenizeWithGrammar } from '../index';

const fixture = 'intelligence/intelligence.gwhttp';

/** Position of `needle` (+ `offset` characters) in the document; fails when it is not there. */
function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not in ${document.uri.fsPath}`);
  return document.positionAt(index + offset);
}

const labelOf = (item: vscode.CompletionItem): string =>
  typeof item.label === 'string' ? item.label : item.label.label;

async function completions(
  document: vscode.TextDocument,
  position: vscode.Position,
  trigger?: string,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    trigger,
  );
  return list?.items ?? [];
}

/** An untitled gwhttp document; `|` marks the cursor. */
async function untitledAt(
  textWithCursor: string,
): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const offset = textWithCursor.indexOf('|');
  const content = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = await vscode.workspace.openTextDocument({ language: 'gwhttp', content });
  return { document, position: document.positionAt(offset) };
}

/** The hovers' Markdown with backslash escapes removed (what the reader sees). */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

describe('editor intelligence (extension host)', () => {
  before(async () => {
    await gwhttpExtension().activate();
  });

  it('completes variables after {{ with their source and value, system variables and chaining references', async () => {
    const document = await openFixture(fixture);
    const items = await completions(document, positionOf(document, '{{iregion}}', 2), '{');
    const byLabel = new Map(items.map((item) => [labelOf(item), item]));
    assert.match(String(byLabel.get('ihost')?.detail), /file variable = 127\.0\.0\.1:8080/);
    assert.match(String(byLabel.get('ibase')?.detail), /file variable = http:\/\/127\.0\.0\.1:8080\/release/);
    assert.match(String(byLabel.get('iregion')?.detail), /\$shared environment = ap-guangzhou/);
    for (const name of ['$uuid', '$timestamp', '$datetime', '$randomInt', '$processEnv', '$dotenv']) {
      assert.ok(byLabel.has(name), name);
    }
    assert.ok(byLabel.has('ilogin.response.body.$'), 'chaining reference to the named request');
  });

  it('completes directives, sign schemes and options, methods, header names and values, and ?? assertions', async () => {
    const directive = await untitledAt('### a\n# @|\nGET http://127.0.0.1/x');
    const directives = (await completions(directive.document, directive.position, '@')).map(labelOf);
    for (const name of ['name', 'sign', 'timeout', 'no-redirect', 'insecure', 'note']) {
      assert.ok(directives.includes(name), name);
    }

    const scheme = await untitledAt('# @sign |\nGET http://127.0.0.1/x');
    assert.ok((await completions(scheme.document, scheme.position)).map(labelOf).includes('tencent-keypair'));
    const option = await untitledAt('# @sign tencent-keypair id=AKIDdemo algorithm=|\nGET http://127.0.0.1/x');
    assert.ok((await completions(option.document, option.position, '=')).map(labelOf).includes('hmac-sha256'));

    const method = await untitledAt('### a\nPO|');
    assert.ok((await completions(method.document, method.position)).map(labelOf).includes('POST'));
    const header = await untitledAt('POST http://127.0.0.1/x\nContent-Type: application/json\nX-Da|');
    assert.ok((await completions(header.document, header.position)).map(labelOf).includes('X-Date'));
    const value = await untitledAt('POST http://127.0.0.1/x\nContent-Type: |');
    assert.ok((await completions(value.document, value.position, ':')).map(labelOf).includes('application/json'));

    const subject = await untitledAt('GET http://127.0.0.1/x\n\n?? |');
    const subjects = (await completions(subject.document, subject.position)).map(labelOf);
    for (const name of ['status', 'header', 'body', 'duration']) assert.ok(subjects.includes(name), name);
    const predicate = await untitledAt('GET http://127.0.0.1/x\n\n?? body $.id |');
    const predicates = (await completions(predicate.document, predicate.position)).map(labelOf);
    for (const name of ['==', 'exists', 'includes']) assert.ok(predicates.includes(name), name);
  });

  it('hovers a variable with its resolved value and where it came from', async () => {
    const document = await openFixture(fixture);
    const region = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, '{{iregion}}', 4),
      ),
    );
    assert.match(region, /ap-guangzhou/);
    assert.match(region, /gwhttp\.env\.json/);
    const base = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, 'POST {{ibase}}', 8),
      ),
    );
    assert.match(base, /http:\/\/127\.0\.0\.1:8080\/release/);
    assert.match(base, /file variable \(line 3\)/);
    const system = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, '{{$uuid}}', 4),
      ),
    );
    assert.match(system, /UUID/);
    assert.match(system, /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/, 'an example value');
  });

  it('hovers system variables with a value they give now, and a file variable unmasked (it is on screen)', async () => {
    const { document } = await untitledAt(
      '@apiToken = visible-token-0123456789\nGET http://127.0.0.1/x?t={{$timestamp}}&r={{$randomInt 5 6}}\nX-Token: {{apiToken}}|',
    );
    const hover = async (needle: string) =>
      hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          document.uri,
          positionOf(document, needle, 3),
        ),
      );
    assert.match(await hover('{{$timestamp}}'), /System variable \$timestamp[\s\S]*\b\d{10}\b/);
    assert.match(await hover('{{$randomInt 5 6}}'), /```text\n[56]\n```/);
    const token = await hover('{{apiToken}}');
    assert.match(token, /visible-token-0123456789/);
    assert.doesNotMatch(token, /masked/);
  });

  it('goes to the definition of file variables, environment keys and chained requests', async () => {
    const document = await openFixture(fixture);
    const definition = async (needle: string, offset: number) => {
      const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        positionOf(document, needle, offset),
      );
      assert.equal(result?.length, 1, `one definition for ${needle}`);
      const first = result[0];
      return 'targetUri' in first
        ? { uri: first.targetUri, range: first.targetRange }
        : { uri: first.uri, range: first.range };
    };
    const host = await definition('{{ihost}}', 3);
    assert.equal(host.uri.toString(), document.uri.toString());
    assert.equal(host.range.start.line, positionOf(document, '@ihost').line);
    const region = await definition('{{iregion}}', 3);
    assert.equal(path.basename(region.uri.fsPath), 'gwhttp.env.json');
    assert.equal(region.range.start.line, 2);
    const login = await definition('{{ilogin.', 3);
    assert.equal(login.range.start.line, positionOf(document, '# @name ilogin').line);
  });

  it('lists requests and file variables as document symbols, with the blocks of a block-form request', async () => {
    const document = await openFixture(fixture);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['@ihost', '@ibase', 'ilogin', 'Profile', 'Documented sample'],
    );
    const documented = symbols[4];
    assert.deepEqual(
      documented.children.map((child) => child.name),
      ['Address', 'Method', 'Request header'],
    );
    assert.equal(symbols[2].selectionRange.start.line, positionOf(document, 'POST {{ibase}}').line);
  });

  it('folds each request region and each block', async () => {
    const document = await openFixture(fixture);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      document.uri,
    );
    const pairs = ranges.map((range) => [range.start, range.end]);
    const line = (needle: string) => positionOf(document, needle).line;
    assert.ok(
      pairs.some(([start, end]) => start === line('### Log in') && end === line('{"user"')),
      JSON.stringify(pairs),
    );
    assert.ok(
      pairs.some(([start, end]) => start === line('### Profile') && end === line('X-Trace')),
      JSON.stringify(pairs),
    );
    assert.ok(
      pairs.some(([start, end]) => start === line('#### Address') && end === line('http://127.0.0.1:8080/release/doc')),
      JSON.stringify(pairs),
    );
    assert.ok(
      pairs.some(([start, end]) => start === line('#### Request header') && end === line('Accept: application/json')),
      JSON.stringify(pairs),
    );
  });

  it('auto-closes {{ with }} as the language configuration says', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'gwhttp',
      content: 'GET http://127.0.0.1/x/\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(0).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '{' });
    await vscode.commands.executeCommand('type', { text: '{' });
    assert.equal(document.lineAt(0).text, 'GET http://127.0.0.1/x/{{}}');
    assert.equal(editor.selection.active.character, 'GET http://127.0.0.1/x/{{'.length);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("highlights a JSON body with VS Code's own JSON grammar, {{variables}} inside it with ours", async () => {
    const lines = await tokenizeWithGrammar(
      'POST http://127.0.0.1/x\nContent-Type: application/json\n\n{"user": "{{name}}", "n": 1}\n',
    );
    const body = lines[3];
    const key = body.find((token) => token.text.includes('user'));
    const variable = body.find((token) => token.text === 'name');
    assert.ok(key?.scopes.includes('meta.embedded.block.json'), JSON.stringify(body));
    assert.ok(
      key?.scopes.some((scope) => scope.startsWith('support.type.property-name.json')),
      JSON.stringify(body),
    );
    assert.ok(variable?.scopes.includes('variable.other.gwhttp'), JSON.stringify(body));
  });
});
