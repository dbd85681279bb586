import assert from 'node:assert/strict';

import type { ParsedDocument } from '../../../src/core/model/document';
import { scanLines } from '../../../src/core/parser/scanLines';

/**
 * The output invariants every parse must hold, whatever the input: lines in range, requests in
 * order and not overlapping, endLine ≥ line, ranges inside their request, no parser-bug diagnostic.
 */
export function checkInvariants(text: string, document: ParsedDocument): void {
  const lineCount = scanLines(text).count;
  const inRange = (line: number, what: string): void => {
    assert.ok(Number.isInteger(line) && line >= 1 && line <= lineCount, `${what} line ${line} outside 1..${lineCount}`);
  };
  for (const diagnostic of document.diagnostics) {
    inRange(diagnostic.line, `diagnostic ${diagnostic.code}`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(diagnostic.severity));
    assert.ok(diagnostic.message.length > 0 && diagnostic.code.length > 0);
    assert.notEqual(diagnostic.code, 'parser-bug', diagnostic.message);
  }
  for (const variable of document.variables) inRange(variable.line, 'variable');
  let previousEnd = 0;
  document.requests.forEach((request, index) => {
    assert.equal(request.index, index);
    inRange(request.line, 'request');
    inRange(request.endLine, 'request end');
    assert.ok(
      request.line > previousEnd,
      `request ${index} starts at ${request.line}, before the previous one ended (${previousEnd})`,
    );
    assert.ok(request.endLine >= request.line, `request ${index}: endLine ${request.endLine} < line ${request.line}`);
    assert.ok(request.regionStartLine >= 1 && request.regionStartLine <= request.line);
    assert.ok(
      request.urlLine >= request.line && request.urlLine <= request.endLine,
      `request ${index}: urlLine out of its range`,
    );
    assert.ok(request.url.length > 0, `request ${index} has an empty URL`);
    assert.ok(request.method.length > 0 && request.method === request.method.toUpperCase());
    assert.ok(request.form === 'line' || request.form === 'block');
    for (const header of request.headers) {
      assert.ok(
        header.line >= request.line && header.line <= request.endLine,
        `header line ${header.line} outside request ${index}`,
      );
      assert.ok(header.name.length > 0);
    }
    for (const directive of request.directives) inRange(directive.line, 'directive');
    if (request.body === null) {
      assert.equal(request.bodyRange, null);
    } else {
      assert.ok(request.bodyRange, `request ${index} has a body but no bodyRange`);
      assert.ok(request.bodyRange.startLine >= request.line && request.bodyRange.endLine <= request.endLine);
      assert.ok(request.bodyRange.startLine <= request.bodyRange.endLine);
    }
    previousEnd = request.endLine;
  });
}
