import { GwHttpError, type SourceLocation, untitledFile } from '../errors';
import type { InputQuestion, PickQuestion } from '../ports';
import type { PromptAnswers, PromptNeeded } from './promptAnswers';
import { declaredPrompts } from './requestPrompts';
import { isSecretName } from './secretMask';
import type { VariableContext } from './variableContext';

type AskContext = Pick<VariableContext, 'requestFile' | 'overrides' | 'prompter'>;

/** Passphrases and PINs look secret too (besides what isSecretName knows: password, secret, token, key…). */
const alsoSecret = /pass(phrase|wd|word)?|\bpin\b|secret|token|credential/i;

/** Whether an answer for `name` is typed masked and masked in every output. */
export function isMaskedPrompt(name: string, password = false): boolean {
  return password || isSecretName(name) || alsoSecret.test(name);
}

/**
 * Asks the request's `# @prompt` lines in order (a `--var` of the same name answers one without
 * asking) and records the answers; masked answers join `answers.secrets`.
 */
export async function answerDeclaredPrompts(
  request: Parameters<typeof declaredPrompts>[0],
  context: AskContext,
  answers: PromptAnswers,
): Promise<void> {
  if (!request.directives.some((directive) => directive.key === 'prompt')) return;
  for (const prompt of declaredPrompts(request)) {
    const masked = isMaskedPrompt(prompt.name) || isMaskedPrompt(prompt.description);
    const question: InputQuestion = {
      name: prompt.name,
      description: prompt.description || prompt.name,
      file: context.requestFile,
      line: prompt.line,
      masked,
    };
    const answer = Object.hasOwn(context.overrides, prompt.name)
      ? context.overrides[prompt.name]
      : await ask(question, context);
    answers.variables[prompt.name] = answer;
    if (masked) answers.secrets.push(answer);
  }
}

/** Answers a `{{$input …}}` / `{{$password …}}` / `{{$pick …}}` that resolution needed (`--var NAME=value` first). */
export async function answerInlinePrompt(
  needed: PromptNeeded,
  context: AskContext,
  answers: PromptAnswers,
): Promise<void> {
  const { prompt, promptName: name } = needed;
  const base = { name, file: context.requestFile, line: needed.line };
  const masked = prompt.kind === 'input' && (isMaskedPrompt(name, prompt.password) || isMaskedPrompt(prompt.label));
  let answer: string;
  if (Object.hasOwn(context.overrides, name)) answer = context.overrides[name];
  else if (prompt.kind === 'pick') {
    const description = prompt.label || `Pick one of ${prompt.options.join(', ')}`;
    answer = await ask({ ...base, description, options: prompt.options }, context);
  } else {
    const question: InputQuestion = { ...base, description: prompt.label, masked };
    if (prompt.defaultValue !== undefined) question.defaultValue = prompt.defaultValue;
    answer = await ask(question, context);
  }
  answers.inline.set(needed.expression, answer);
  if (masked) answers.secrets.push(answer);
}

const maskedPromptValue = /\{\{\s*\$password\b/;
const promptValue = /\{\{\s*\$(input|prompt)\b/;

/**
 * The `--var` values that answer a masked prompt in place of asking: `--var token=…` for
 * `@token = {{$password Token}}` (or `{{$input …}}` under a secret-looking name). They are masked too.
 */
export function maskedOverrides(
  overrides: Record<string, string>,
  fileVariables: ReadonlyMap<string, { value: string }>,
): string[] {
  const masked: string[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const written = fileVariables.get(name)?.value;
    if (written === undefined) continue;
    if (maskedPromptValue.test(written) || (isMaskedPrompt(name) && promptValue.test(written))) masked.push(value);
  }
  return masked;
}

async function ask(question: InputQuestion | PickQuestion, context: AskContext): Promise<string> {
  const location: SourceLocation = { file: context.requestFile ?? untitledFile, line: question.line };
  const prompter = context.prompter;
  if (!prompter) {
    const option = `--var ${/[\s"'=]/.test(question.name) ? JSON.stringify(`${question.name}=value`) : `${question.name}=value`}`;
    throw new GwHttpError(
      'variable',
      `"${question.name}" is asked for when the request is sent, and there is no terminal to ask on: give it with ${option}`,
      location,
      { hint: `Run gwhttp in a terminal to be asked, or pass ${option}.` },
    );
  }
  const answer = 'options' in question ? await prompter.pick(question) : await prompter.input(question);
  if (answer === undefined) {
    throw new GwHttpError('aborted', `Cancelled: "${question.name}" was not answered, so nothing was sent.`, location, {
      hint: 'Send again to answer it.',
    });
  }
  return answer;
}
