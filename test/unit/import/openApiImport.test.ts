import assert from 'node:assert/strict';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { planFixture, planMatchesGolden } from './planGolden';

describe('import openapi', () => {
  it('the OpenAPI Initiative petstore (3.0, YAML): golden files', async () => {
    const { plan, out } = await planFixture('openapi', 'openapi/petstore.yaml');
    planMatchesGolden(plan, out, 'petstore');
    assert.equal(parseDocument(plan.files[0].text).requests.length, 3);
  });
  it('the petstore-simple Swagger 2.0 document (JSON), whose `$ref: pet` does not resolve: golden files', async () => {
    const { plan, out } = await planFixture('openapi', 'openapi/petstore-simple.swagger2.json');
    planMatchesGolden(plan, out, 'petstore-simple');
    assert.ok(plan.warnings.some((w) => w.where === 'definitions.petInput.allOf.0' && w.line === 191));
    assert.match(plan.files[0].text, /"id": 0/, 'the part of petInput that could be read is kept');
  });
  it('3.1 with servers, parameters, examples, external and circular $refs and every security kind: golden files', async () => {
    const { plan, out } = await planFixture('openapi', 'openapi/shop/shop.yaml');
    planMatchesGolden(plan, out, 'shop');
    const env = JSON.parse(plan.files[1].text) as Record<string, Record<string, string>>;
    assert.deepEqual(env.$shared, { baseUrl: 'https://eu.shop.example.com/v2' });
    assert.deepEqual(env['local-mock'], { baseUrl: 'http://127.0.0.1:8080/v2' });
    const text = plan.files[0].text;
    assert.match(text, /^GET \{\{baseUrl\}\}\/orders\?status=\{\{status\}\}&limit=\{\{limit\}\}$/m);
    assert.match(text, /^@orderId = ord_123$/m);
    assert.match(text, /^# @sign aws-sigv4 id=\{\{awsKeyId\}\} region=us-east-1 service=execute-api$/m);
    assert.match(text, /"sku": "A-1",\n {2}"qty": 1/);
    assert.doesNotMatch(text, /"id":/, 'readOnly properties are not in the example body');
  });
});

describe('import openapi: bad input', () => {
  it('broken $refs: each named with its place and line, the rest kept', async () => {
    const { plan } = await planFixture('openapi', 'openapi/broken-ref.yaml');
    const refs = plan.warnings.filter((w) => /\$ref does not resolve/.test(w.message));
    assert.deepEqual(
      refs.map((w) => [w.where, w.line]),
      [
        ['paths./items.post.requestBody', 9],
        ['paths./items/{id}.get.parameters.1', 16],
      ],
    );
    assert.match(refs[0].message, /#\/components\/requestBodies\/Missing/);
    assert.match(refs[1].message, /nowhere\.yaml/);
    const text = plan.files[0].text;
    assert.match(text, /^POST \{\{baseUrl\}\}\/items$/m);
    assert.match(text, /^GET \{\{baseUrl\}\}\/items\/\{\{id\}\}$/m);
    assert.match(text, /^@id = 42$/m);
  });
  it('YAML syntax errors name their line', async () => {
    await assert.rejects(
      planFixture('openapi', 'openapi/petstore.yaml', {
        text: 'openapi: 3.0.0\ninfo:\n  title: [unclosed\npaths: {}\n',
      }),
      (e: Error & { location?: { line: number } }) =>
        /neither JSON nor YAML/.test(e.message) && typeof e.location?.line === 'number',
    );
  });
  it('a document that is not OpenAPI, or of another version, says so', async () => {
    await assert.rejects(
      planFixture('openapi', 'openapi/petstore.yaml', { text: 'name: not an api\n' }),
      /not an OpenAPI document/,
    );
    await assert.rejects(
      planFixture('openapi', 'openapi/petstore.yaml', { text: 'openapi: 4.0.0\npaths: {}\n' }),
      /OpenAPI\/Swagger 4\.0\.0; gwhttp imports 3\.0, 3\.1 and Swagger 2\.0/,
    );
    await assert.rejects(
      planFixture('openapi', 'openapi/petstore.yaml', { text: '- just\n- a list\n' }),
      /top level is not an object/,
    );
  });
  it('a document without servers or operations still imports, with warnings', async () => {
    const { plan } = await planFixture('openapi', 'openapi/petstore.yaml', {
      text: 'openapi: 3.0.0\ninfo: { title: Empty, version: "1" }\npaths: {}\n',
    });
    assert.ok(plan.warnings.some((w) => /names no server/.test(w.message)));
    assert.ok(plan.warnings.some((w) => /no operation/.test(w.message)));
  });
});
