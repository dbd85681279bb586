import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { importPostman } from '../../../src/core/import/postman/importPostman';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { fixtures } from './golden';
import { planFixture, planMatchesGolden } from './planGolden';

const collectionFile = 'postman/groups-api.postman_collection.json';
const environmentFile = path.join(fixtures, 'postman/groups-api-sandbox.postman_environment.json');

function importJson(json: unknown) {
  return importPostman(json, { source: 'c.json', filePerFolder: false, environments: [] });
}

describe('import postman', () => {
  it('a public collection (TransferWise Balance Groups API) with its environment: golden files', async () => {
    const environments = [{ path: environmentFile, text: fs.readFileSync(environmentFile, 'utf8') }];
    const { plan, out } = await planFixture('postman', collectionFile, { environments });
    assert.deepEqual(
      plan.files.map((f) => [path.basename(f.path), f.requests]),
      [
        ['authentication.gwhttp', 2],
        ['balance-groups-api.gwhttp', 9],
        ['gwhttp.env.json', 0],
      ],
    );
    planMatchesGolden(plan, out, 'groups-api');
    for (const file of plan.files.filter((f) => f.requests > 0)) {
      assert.equal(parseDocument(file.text).requests.length, file.requests, `${file.path} reads back`);
    }
  });
  it('one file with folder names in the titles when the output is a file', async () => {
    const { plan } = await planFixture('postman', collectionFile, {
      output: '/tmp/out/all.gwhttp',
      outputIsFolder: false,
    });
    assert.equal(plan.files[0].path, '/tmp/out/all.gwhttp');
    assert.equal(plan.files[0].requests, 11);
    assert.match(plan.files[0].text, /^### Authentication \/ 2\. Refresh existing access token$/m);
  });
  it('maps auth blocks, inherits the collection auth, and warns where gwhttp has none', () => {
    const result = importJson({
      info: { name: 'A', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: {
        type: 'apikey',
        apikey: [
          { key: 'key', value: 'X-Key' },
          { key: 'value', value: '{{apiKey}}' },
        ],
      },
      item: [
        { name: 'inherits', request: { method: 'GET', url: 'https://x.test/a' } },
        {
          name: 'aws',
          request: {
            url: 'https://x.test/b',
            auth: {
              type: 'awsv4',
              awsv4: [
                { key: 'accessKey', value: 'AKIAEXAMPLE' },
                { key: 'secretKey', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
                { key: 'region', value: 'eu-west-1' },
                { key: 'service', value: 's3' },
              ],
            },
          },
        },
        { name: 'hawk', request: { url: 'https://x.test/c', auth: { type: 'hawk', hawk: [] } } },
        { name: 'none', request: { url: 'https://x.test/d', auth: { type: 'noauth' } } },
      ],
    });
    const [inherits, aws, hawk, none] = result.files[0].requests;
    assert.deepEqual(inherits.headers, [{ name: 'X-Key', value: '{{apiKey}}' }]);
    assert.deepEqual(aws.directives, [{ name: 'sign', value: 'aws-sigv4 id=AKIAEXAMPLE region=eu-west-1 service=s3' }]);
    assert.ok(!JSON.stringify(result).includes('wJalrXUtnFEMI'), 'the AWS secret key is never written');
    assert.deepEqual(hawk.headers, []);
    assert.ok(
      result.warnings.some((w) => w.where === 'item "hawk"' && /"hawk" auth has no counterpart/.test(w.message)),
    );
    assert.deepEqual(none.headers, []);
  });
  it('writes urlencoded and form-data bodies, skips disabled entries, and leaves secret variables out', () => {
    const result = importJson({
      info: { name: 'B', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [
        { key: 'host', value: 'https://x.test' },
        { key: 'pass', value: 'hunter22', type: 'secret' },
      ],
      item: [
        {
          name: 'form',
          request: {
            method: 'POST',
            url: '{{host}}/f',
            body: {
              mode: 'urlencoded',
              urlencoded: [
                { key: 'a b', value: 'c&d' },
                { key: 'off', value: '1', disabled: true },
                { key: 'v', value: '{{x y}}' },
              ],
            },
          },
        },
        {
          name: 'multi',
          request: {
            method: 'POST',
            url: { raw: '{{host}}/u/:id', variable: [{ key: 'id', value: '7' }] },
            body: {
              mode: 'formdata',
              formdata: [
                { key: 't', value: 'x', type: 'text' },
                { key: 'f', type: 'file', src: 'a.png' },
              ],
            },
          },
        },
      ],
    });
    const [form, multi] = result.files[0].requests;
    assert.equal(form.body, 'a+b=c%26d&v={{x y}}');
    assert.equal(multi.url, '{{host}}/u/7');
    assert.match(multi.body ?? '', /name="f"; filename="a.png"\r\nContent-Type: image\/png\r\n\r\n< a.png/);
    assert.deepEqual(result.environments, { $shared: { host: 'https://x.test' } });
    assert.ok(result.warnings.some((w) => /Secret values are not written: pass/.test(w.message)));
  });
});

describe('import postman: bad input', () => {
  const schema = (version: string) => ({
    info: { name: 'x', schema: `https://schema.getpostman.com/json/collection/${version}/collection.json` },
    item: [],
  });
  it('a v2.0 collection: a clear message naming the version and what to do', () => {
    assert.throws(
      () => importJson(schema('v2.0.0')),
      (e: Error & { hint?: string }) =>
        /Postman Collection v2\.0\.0 file; gwhttp imports v2\.1/.test(e.message) &&
        /Collection v2\.1/.test(e.hint ?? ''),
    );
  });
  it('a v1 collection, an environment file and something else each say what they are', () => {
    assert.throws(() => importJson({ id: 'x', name: 'old', order: [], requests: [] }), /Collection v1 file/);
    assert.throws(() => importJson({ name: 'env', values: [] }), /is a Postman environment, not a collection/);
    assert.throws(() => importJson([1, 2]), /is not a Postman collection/);
  });
  it('broken JSON names its line', async () => {
    await assert.rejects(
      planFixture('postman', collectionFile, { text: '{\n  "info": {\n    "name": oops\n' }),
      (e: Error & { location?: { line: number } }) =>
        /is not valid JSON/.test(e.message) && (e.location?.line ?? 0) >= 3,
    );
  });
  it('items that are not objects, odd URLs and unknown body modes never crash', () => {
    const result = importJson({
      ...schema('v2.1.0'),
      item: [
        null,
        3,
        {
          name: 'odd',
          request: {
            url: { host: ['x', 'test'], path: ['a'], query: [{ key: 'q', value: '1' }] },
            body: { mode: 'weird' },
          },
        },
      ],
    });
    assert.equal(result.files[0].requests[0].url, 'http://x.test/a?q=1');
    assert.ok(result.warnings.some((w) => /body mode "weird"/.test(w.message)));
  });
});
