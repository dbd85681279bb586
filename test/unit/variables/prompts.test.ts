import assert from 'node:assert/strict';

import { GwHttpError, isGwHttpError } from '../../../src/core/errors';
import { hoverForReference, referenceAt } from '../../../src/core/language/variableHover';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import type { InputQuestion, PickQuestion, Prompter } from '../../../src/core/ports';
import { Redactor } from '../../../src/core/redaction';
import { prepareAndSign } from '../../../src/core/run/prepareAndSign';
import { checkVariables } from '../../../src/core/variables/checkVariables';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';
import { parsePromptReference } from '../../../src/core/variables/promptReference';
import { declaredPrompts } from '../../../src/core/variables/requestPrompts';
import { checkSystemVariable } from '../../../src/core/variables/systemVariables';
import type { VariableContext } from '../../../src/core/variables/variableContext';
import { makeContext, pinnedClock } from './variableTestKit';

/** A prompter that answers from a script, and records what it was asked. */
function scriptedPrompter(answers: Record<string, string | undefined>): Prompter & {
  asked: (InputQuestion | PickQuestion)[];
} {
  const asked: (InputQuestion | PickQuestion)[] = [];
  const answer = (question: InputQuestion | PickQuestion) => {
    asked.push(question);
    return Promise.resolve(answers[question.name]);
  };
  return { asked, input: answer, pick: answer };
}

async function prepare(text: string, fields: Partial<VariableContext> = {}, index = 0) {
  const document = parseDocument(text);
  return prepareRequest(document, document.requests[index], makeContext({ requestFile: '/w/a.http', ...fields }));
}

function rejectsWith(promise: Promise<unknown>, check: (error: GwHttpError) => void): Promise<void> {
  return assert.rejects(promise, (error: unknown) => {
    assert.ok(isGwHttpError(error), String(error));
    check(error);
    return true;
  });
}

describe('prompts: parsing', () => {
  it('records # @prompt name [description] on the request, in order, and any spelling of the key', () => {
    const document = parseDocument(
      '# @prompt orderId Order to cancel\n# @Prompt password\n// @prompt  note   Why, in a few words\nGET http://x/{{orderId}}\n',
    );
    const request = document.requests[0];
    assert.deepEqual(declaredPrompts(request), [
      { name: 'orderId', description: 'Order to cancel', line: 1 },
      { name: 'password', description: '', line: 2 },
      { name: 'note', description: 'Why, in a few words', line: 3 },
    ]);
    assert.deepEqual(
      document.diagnostics.filter((d) => d.severity !== 'hint'),
      [],
      'repeated @prompt lines are not a repeated directive',
    );
  });

  it('warns about a # @prompt without a name', () => {
    const document = parseDocument('# @prompt\n# @prompt 1abc x\nGET http://x/\n');
    assert.deepEqual(
      document.diagnostics.map((d) => `${d.line}:${d.code}`),
      ['1:invalid-prompt', '2:invalid-prompt'],
    );
    assert.deepEqual(declaredPrompts(document.requests[0]), []);
  });

  it('reads httpYac prompt variables: $input, $password, $value: defaults, $pick with $value: and a|b|c', () => {
    assert.deepEqual(parsePromptReference('$input', ['Order', 'id']), {
      kind: 'input',
      password: false,
      label: 'Order id',
      options: [],
    });
    assert.deepEqual(parsePromptReference('$input-askonce', ['Region', '$value:', 'eu-1']), {
      kind: 'input',
      password: false,
      label: 'Region',
      options: [],
      defaultValue: 'eu-1',
    });
    assert.equal((parsePromptReference('$password', ['API', 'token']) as { password: boolean }).password, true);
    assert.deepEqual(parsePromptReference('$pick', ['Stage', '$value:', 'dev,', 'prod']), {
      kind: 'pick',
      password: false,
      label: 'Stage',
      options: ['dev', 'prod'],
    });
    assert.deepEqual(parsePromptReference('$pick', ['a|b|c']), {
      kind: 'pick',
      password: false,
      label: '',
      options: ['a', 'b', 'c'],
    });
    assert.match(String(checkSystemVariable('$input', [])), /needs a label/);
    assert.match(String(checkSystemVariable('$pick', ['Stage'])), /needs options/);
    assert.equal(checkSystemVariable('$pick', ['a|b']), null);
  });
});

describe('prompts: variable checks', () => {
  const text = [
    '# @prompt orderId Order to cancel', // 1
    'DELETE http://x/orders/{{orderId}}?u={{$input User}}&s={{$pick a|b}}', // 2
    'X-Stage: {{$pick Stage $value: dev,prod}}', // 3
    '', // 4
    '###', // 5
    'GET http://x/orders/{{orderId}}', // 6
    'X-Bad: {{$pick}}', // 7
  ].join('\n');

  it('treats a prompted name as defined in its own request only, and checks prompt variables', () => {
    const document = parseDocument(text);
    const found = (withText: boolean) =>
      checkVariables(document, new Set(), withText ? text : undefined).map((d) => `${d.line}:${d.code}`);
    assert.deepEqual(found(true), ['6:unresolved-variable', '7:bad-system-variable']);
    assert.deepEqual(found(false), ['6:unresolved-variable', '7:bad-system-variable']);
  });
});

describe('prompts: hover', () => {
  it('says a prompted name is asked for when sent, and explains the prompt variables', () => {
    const text = '# @prompt orderId Order to cancel\nGET http://x/{{orderId}}?p={{$password Code}}\n';
    const document = parseDocument(text);
    const line = text.split('\n')[1];
    const hover = (needle: string) => {
      const reference = referenceAt(line, 2, line.indexOf(needle) + 2);
      assert.ok(reference);
      return hoverForReference(reference, [], document, null, {
        clock: pinnedClock,
        processEnv: {},
        dotenv: null,
        dotenvDescription: '.env',
      });
    };
    assert.match(
      hover('{{orderId').details.join(' '),
      /Asked for when the request is sent: # @prompt on line 1 \("Order to cancel"\)/,
    );
    const system = hover('{{$password');
    assert.equal(system.value, null);
    assert.match(system.details.join(' '), /typed masked.*asked for when the request is sent/);
  });
});

describe('prompts: the prepare step', () => {
  it('asks # @prompt names before resolving, the answer wins over the environment, --var answers without asking', async () => {
    const prompter = scriptedPrompter({ orderId: '42', stage: 'prod' });
    const text = '# @prompt orderId Order to cancel\n# @prompt stage\nDELETE http://x/{{stage}}/orders/{{orderId}}\n';
    const prepared = await prepare(text, {
      prompter,
      settingsEnvironments: { local: { stage: 'dev' } },
      environmentName: 'local',
    });
    assert.equal(prepared.outgoing.url, 'http://x/prod/orders/42');
    assert.deepEqual(
      prompter.asked.map((q) => [q.name, q.description, q.line, (q as InputQuestion).masked, q.file]),
      [
        ['orderId', 'Order to cancel', 1, false, '/w/a.http'],
        ['stage', 'stage', 2, false, '/w/a.http'],
      ],
    );
    assert.equal(prepared.secrets?.length ?? 0, 0);
    const again = scriptedPrompter({ stage: 'prod' });
    const answered = await prepare(text, { prompter: again, overrides: { orderId: '7' } });
    assert.equal(answered.outgoing.url, 'http://x/prod/orders/7');
    assert.deepEqual(
      again.asked.map((q) => q.name),
      ['stage'],
    );
  });

  it('asks inline prompts in order, once per expression, through file variables (named by the variable)', async () => {
    const prompter = scriptedPrompter({ user: 'ann', 'Pick a|b': undefined, 'a|b': 'b', Region: 'eu' });
    const text = [
      '@user = {{$input User name}}',
      'POST http://x/{{user}}/{{$pick a|b}}?again={{user}}&r={{$input Region $value: us}}',
      '',
      '{"who": "{{user}}"}',
    ].join('\n');
    const prepared = await prepare(text, { prompter });
    assert.equal(prepared.outgoing.url, 'http://x/ann/b?again=ann&r=eu');
    assert.equal(Buffer.from(prepared.outgoing.body ?? []).toString(), '{"who": "ann"}');
    assert.deepEqual(
      prompter.asked.map((q) => [
        q.name,
        q.description,
        'options' in q ? q.options : (q as InputQuestion).defaultValue,
      ]),
      [
        ['user', 'User name', undefined],
        ['a|b', 'Pick one of a, b', ['a', 'b']],
        ['Region', 'Region', 'us'],
      ],
    );
    assert.equal(prompter.asked[0].line, 2, 'the line of the request that uses it');
  });

  it('masks $password and secret-looking names; masked answers are the request secrets', async () => {
    const prompter = scriptedPrompter({
      Code: 'c0de-s3cret',
      password: 'hunter2-pass',
      apiToken: 'tok-9f8e7d',
      Note: 'hello',
    });
    const text = [
      '@apiToken = {{$input Token}}',
      '# @prompt password',
      'GET http://x/?c={{$password Code}}&p={{password}}&t={{apiToken}}&n={{$input Note}}',
    ].join('\n');
    const prepared = await prepare(text, { prompter });
    const masked = Object.fromEntries(prompter.asked.map((q) => [q.name, (q as InputQuestion).masked]));
    assert.deepEqual(masked, { password: true, Code: true, apiToken: true, Note: false });
    assert.deepEqual([...(prepared.secrets ?? [])].sort(), ['c0de-s3cret', 'hunter2-pass', 'tok-9f8e7d']);
  });

  it('a cancelled prompt stops the prepare with an aborted error at its line; nothing else is asked', async () => {
    const prompter = scriptedPrompter({ first: undefined, second: 'x' });
    const text = '# @prompt first\n# @prompt second\nGET http://x/{{first}}/{{second}}\n';
    await rejectsWith(prepare(text, { prompter }), (error) => {
      assert.equal(error.code, 'aborted');
      assert.deepEqual(error.location, { file: '/w/a.http', line: 1 });
    });
    assert.deepEqual(
      prompter.asked.map((q) => q.name),
      ['first'],
    );
  });

  it('without a prompter, fails at the prompt line naming --var NAME=value; --var answers inline prompts too', async () => {
    const text = 'GET http://x/\nX-User: {{$input Enter user}}\n';
    await rejectsWith(prepare(text), (error) => {
      assert.equal(error.code, 'variable');
      assert.match(error.message, /--var "Enter user=value"/);
      assert.deepEqual(error.location, { file: '/w/a.http', line: 2 });
    });
    await rejectsWith(prepare('# @prompt orderId\nGET http://x/{{orderId}}\n'), (error) => {
      assert.match(error.message, /--var orderId=value/);
      assert.equal(error.location?.line, 1);
    });
    const answered = await prepare(text, { overrides: { 'Enter user': 'bob' } });
    assert.equal(answered.outgoing.headers.find((h) => h.name === 'X-User')?.value, 'bob');
    const viaVariable = await prepare('@user = {{$input Enter user}}\nGET http://x/{{user}}\n', {
      overrides: { user: 'carol' },
    });
    assert.equal(viaVariable.outgoing.url, 'http://x/carol');
    assert.deepEqual(viaVariable.secrets ?? [], [], 'a plain answer is not a secret');
    const masked = await prepare(
      '@pin = {{$password PIN}}\n@apiToken = {{$input Token}}\nGET http://x/{{pin}}/{{apiToken}}\n',
      {
        overrides: { pin: 'pin-1234', apiToken: 'tok-5678', other: 'plain' },
      },
    );
    assert.deepEqual(masked.secrets, ['pin-1234', 'tok-5678'], 'a --var answering a masked prompt is masked');
  });

  it('prepareAndSign (Send, Preview, cURL, gwhttp sign) asks the same way, and a redactor with its secrets masks the answer', async () => {
    const prompter = scriptedPrompter({ Secret: 'Sup3r-Hidden-Answer' });
    const document = parseDocument('GET http://127.0.0.1:9/?k={{$password Secret}}\n');
    const signed = await prepareAndSign(document, document.requests[0], new Map(), {
      file: 'a.http',
      variables: makeContext({ requestFile: '/w/a.http', prompter }),
      secretSources: [],
      clock: pinnedClock,
    });
    assert.equal(signed.request.url, 'http://127.0.0.1:9/?k=Sup3r-Hidden-Answer');
    const redactor = new Redactor();
    redactor.addAll(signed.prepared.secrets ?? []);
    assert.ok(!redactor.text(`sent ${signed.request.url}`).includes('Sup3r-Hidden-Answer'));
  });
});
