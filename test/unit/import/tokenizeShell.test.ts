import assert from 'node:assert/strict';

import { prepareShellText, tokenizeShell } from '../../../src/core/import/curl/tokenizeShell';

const words = (text: string) => tokenizeShell(text).commands;

describe('import curl: shell words (shell-quote, with bash line handling)', () => {
  it('joins \\-continued lines, LF and CRLF, without an empty word', () => {
    assert.deepEqual(words("curl 'http://x/a' \\\n  -H 'a: 1' \\\r\n  -d b"), [
      ['curl', 'http://x/a', '-H', 'a: 1', '-d', 'b'],
    ]);
  });
  it('keeps a backslash-newline inside single quotes, drops it inside double quotes', () => {
    assert.deepEqual(words('curl -d \'a\\\nb\' -d "c\\\nd"'), [['curl', '-d', 'a\\\nb', '-d', 'cd']]);
  });
  it("reads $'…' strings: escapes, quotes and \\u", () => {
    assert.deepEqual(words("curl -d $'it\\'s\\n\\t\\u00e9\\x41'"), [['curl', '-d', "it's\n\téA"]]);
  });
  it('keeps line ends inside quotes as data, and splits commands at line ends outside them', () => {
    assert.deepEqual(words('curl -d \'{\n "a": 1\n}\' x\ncurl y'), [
      ['curl', '-d', '{\n "a": 1\n}', 'x'],
      ['curl', 'y'],
    ]);
  });
  it('drops comments to the end of their line only', () => {
    assert.deepEqual(words('# a comment\ncurl x # trailing\ncurl y'), [
      ['curl', 'x'],
      ['curl', 'y'],
    ]);
    assert.deepEqual(words("curl 'a#b' c#d"), [['curl', 'a#b', 'c#d']]);
  });
  it('separates commands at ; && || and warns about a pipe, ignoring what follows', () => {
    const shell = tokenizeShell('curl a ; curl b && curl c | jq . > out.json');
    assert.deepEqual(shell.commands, [
      ['curl', 'a'],
      ['curl', 'b'],
      ['curl', 'c'],
    ]);
    assert.equal(shell.warnings.length, 1);
    assert.match(shell.warnings[0].message, /"\|"/);
  });
  it('turns $NAME and ${NAME} outside single quotes into {{NAME}} and lists them', () => {
    const shell = tokenizeShell('curl -H "Authorization: Bearer $TOKEN" -H \'X: $KEEP\' "${HOST}/a"');
    assert.deepEqual(shell.commands, [
      ['curl', '-H', 'Authorization: Bearer {{TOKEN}}', '-H', 'X: $KEEP', '{{HOST}}/a'],
    ]);
    assert.deepEqual(shell.variables, ['TOKEN', 'HOST']);
  });
  it('keeps glob characters as they are', () => {
    assert.deepEqual(words("curl -H 'accept: */*' http://x/*.json"), [
      ['curl', '-H', 'accept: */*', 'http://x/*.json'],
    ]);
  });
  it('prepareShellText leaves quoted text alone', () => {
    assert.equal(prepareShellText('a \'b # c\' "d\\"e"'), 'a \'b # c\' "d\\"e"');
  });
});
