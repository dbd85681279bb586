import assert from 'node:assert/strict';

import fc from 'fast-check';

import { findVariableReferences, hasVariableReferences } from '../../../src/core/variables/findVariableReferences';

describe('findVariableReferences', () => {
  it('finds plain, system and chain references with 0-based column ranges', () => {
    const text = 'GET https://{{host}}/x?t={{$timestamp -1 h}}&k={{login.response.body.$.token}}';
    const references = findVariableReferences(text, 7);
    assert.deepEqual(
      references.map((reference) => [
        reference.kind,
        reference.name,
        reference.line,
        reference.column,
        reference.endColumn,
      ]),
      [
        ['plain', 'host', 7, 12, 20],
        ['system', '$timestamp', 7, 25, 44],
        ['chain', 'login', 7, 47, 78],
      ],
    );
    assert.equal(text.slice(12, 20), '{{host}}');
    assert.deepEqual(references[1].args, ['-1', 'h']);
    assert.deepEqual(references[2].chain, {
      requestName: 'login',
      part: 'response',
      section: 'body',
      selector: '$.token',
    });
  });

  it('trims whitespace inside the braces and accepts dots and dashes in names', () => {
    const [reference] = findVariableReferences('{{  api.base-url  }}', 1);
    assert.equal(reference.kind, 'plain');
    assert.equal(reference.name, 'api.base-url');
    assert.equal(reference.problem, null);
  });

  it('reads header chaining and whole-body chaining', () => {
    const [headers, body] = findVariableReferences('{{login.response.headers.X-Trace}} {{login.request.body.*}}', 1);
    assert.deepEqual(headers.chain, {
      requestName: 'login',
      part: 'response',
      section: 'headers',
      selector: 'X-Trace',
    });
    assert.deepEqual(body.chain, { requestName: 'login', part: 'request', section: 'body', selector: '*' });
  });

  it('reports syntax problems: JS expressions, XPath, missing selectors', () => {
    const problems = findVariableReferences(
      '{{a + b}} {{login.response.body.//x}} {{login.response.headers}} {{}}',
      1,
    ).map((reference) => reference.problem);
    assert.match(problems[0] ?? '', /not a variable name/);
    assert.match(problems[1] ?? '', /XPath/);
    assert.match(problems[2] ?? '', /header name/);
    assert.match(problems[3] ?? '', /not a variable name/);
  });

  it('ignores single braces and text without references', () => {
    assert.deepEqual(findVariableReferences('{"a": {"b": 1}} { {x} }', 1), []);
    assert.equal(hasVariableReferences('{"a": {"b": 1}}'), false);
    assert.equal(hasVariableReferences('x {{y}}'), true);
  });

  it('matches exactly what /\\{\\{([^{}]*)\\}\\}/g matches, on arbitrary brace soup', () => {
    const pattern = /\{\{([^{}]*)\}\}/g;
    const soup = fc
      .array(fc.constantFrom('{', '}', '{{', '}}', 'a', ' ', '$', '.', 'x.response.body.*'), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, (text) => {
        const expected = [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
        const actual = findVariableReferences(text, 1).map((reference) => [reference.column, reference.raw]);
        assert.deepEqual(actual, expected);
      }),
      { numRuns: 2000 },
    );
  });
});
