import assert from 'node:assert/strict';

import { findLiteralSecrets } from '../../../src/core/signing/findLiteralSecrets';

const lines = (text: string) => text.split('\n').map((line, index) => ({ line: index + 1, text: line }));
const found = (text: string) =>
  findLiteralSecrets(lines(text)).map((diagnostic) => [diagnostic.line, diagnostic.message]);

describe('findLiteralSecrets: cloud key shapes', () => {
  it('an AWS secret access key beside an AKIA… id (and an ASIA… one)', () => {
    const text = '@awsKeyId = AKIAIOSFODNN7EXAMPLE\n@awsSecret = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    assert.deepEqual(
      found(text).map(([line]) => line),
      [2],
    );
    assert.match(String(found(text)[0][1]), /40-character AWS secret access key/);
    const temporary = 'aws_access_key_id=ASIAIOSFODNN7EXAMPLE\n# key 9drTJvcXLB89EXAMPLELB8923FB892xMFI/BKdgHEKD';
    assert.equal(found(temporary).length, 1);
  });

  it('an Alibaba AccessKey secret beside an LTAI… id; AccessKeySecret assignments', () => {
    assert.equal(found('# id LTAI5tGwhttpDemo0000\n# 0gwhttpDEMOsecret000000000001x').length, 1);
    assert.match(String(found('AccessKeySecret: 0gwhttpDEMOsecret000000000001x')[0][1]), /AccessKeySecret/);
  });

  it('the ids alone, placeholders and variables are not secrets', () => {
    assert.deepEqual(
      found('# @sign aws-sigv4 id=AKIAIOSFODNN7EXAMPLE region=us-east-1\nGET https://a.example.com/'),
      [],
    );
    assert.deepEqual(found('@awsKeyId = AKIAIOSFODNN7EXAMPLE\n@awsSecret = {{$processEnv AWS_SECRET_ACCESS_KEY}}'), []);
  });
});
