import type * as readline from 'node:readline';

import type { InputQuestion, PickQuestion, Prompter, PromptQuestion } from '../../core';

/** The terminal the CLI asks on: questions on `output` (stderr), answers from `input` (a TTY stdin). */
export interface PromptTerminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WritableStream;
}

/**
 * Asks prompts on the terminal, one at a time (parallel sends wait their turn), and remembers each
 * answer per request file and name for the rest of the process (a `# @repeat` or a second request
 * is not asked again). Masked questions read the answer in raw mode, without echo. The terminal is
 * opened on the first question (most runs ask none).
 */
export function terminalPrompter(openTerminal: () => PromptTerminal): Prompter {
  let opened: PromptTerminal | null = null;
  const terminal = () => (opened ??= openTerminal());
  const remembered = new Map<string, string>();
  let turn: Promise<unknown> = Promise.resolve();
  const serially = <T>(ask: () => Promise<T>): Promise<T> => {
    const next = turn.then(ask, ask);
    turn = next.catch(() => undefined);
    return next;
  };
  const once = (question: PromptQuestion, ask: () => Promise<string | undefined>) =>
    serially(async () => {
      const key = `${question.file ?? ''}\u0000${question.name}`;
      const known = remembered.get(key);
      if (known !== undefined) return known;
      const answer = await ask();
      if (answer !== undefined) remembered.set(key, answer);
      return answer;
    });
  return {
    input: (question) => once(question, () => askInput(terminal(), question)),
    pick: (question) => once(question, () => askPick(terminal(), question)),
  };
}

function title(question: PromptQuestion): string {
  return question.description === question.name ? question.name : `${question.description} [${question.name}]`;
}

async function askInput(terminal: PromptTerminal, question: InputQuestion): Promise<string | undefined> {
  const shown = question.defaultValue !== undefined && !question.masked ? ` (${question.defaultValue})` : '';
  const text = `${title(question)}${shown}: `;
  const answer = question.masked ? await readHidden(terminal, text) : await readLine(terminal, text);
  if (answer === undefined) return undefined;
  return answer === '' && question.defaultValue !== undefined ? question.defaultValue : answer;
}

/** Lists the options numbered; the answer is a number or an option as written (asked again otherwise). */
async function askPick(terminal: PromptTerminal, question: PickQuestion): Promise<string | undefined> {
  terminal.output.write(`${title(question)}:\n`);
  question.options.forEach((option, index) => terminal.output.write(`  ${index + 1}) ${option}\n`));
  for (;;) {
    const answer = await readLine(terminal, `Pick 1-${question.options.length}: `);
    if (answer === undefined) return undefined;
    const trimmed = answer.trim();
    const byNumber = /^\d+$/.test(trimmed) ? question.options[Number(trimmed) - 1] : undefined;
    const chosen = byNumber ?? question.options.find((option) => option === trimmed);
    if (chosen !== undefined) return chosen;
    terminal.output.write(`"${trimmed}" is not one of the options.\n`);
  }
}

/** One line read with echo (node:readline); undefined on Ctrl+C or end of input. */
function readLine(terminal: PromptTerminal, text: string): Promise<string | undefined> {
  const { createInterface } = require('node:readline') as typeof readline;
  const lines = createInterface({ input: terminal.input, output: terminal.output, terminal: true });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: string | undefined) => {
      if (settled) return;
      settled = true;
      lines.close();
      resolve(answer);
    };
    lines.on('SIGINT', () => {
      terminal.output.write('\n');
      finish(undefined);
    });
    lines.on('close', () => finish(undefined));
    lines.question(text, (answer) => finish(answer));
  });
}

/** One line read in raw mode with nothing echoed; undefined on Ctrl+C or Ctrl+D on an empty line. */
function readHidden(terminal: PromptTerminal, text: string): Promise<string | undefined> {
  const { input, output } = terminal;
  return new Promise((resolve) => {
    let answer = '';
    const wasRaw = input.isRaw;
    const finish = (result: string | undefined) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      for (const character of String(chunk)) {
        if (character === '\r' || character === '\n') return finish(answer);
        if (character === '\u0003' || (character === '\u0004' && answer === '')) return finish(undefined);
        if (character === '\u007f' || character === '\b') answer = answer.slice(0, -1);
        else if (character >= ' ') answer += character;
      }
    };
    // Echo off before the question shows: an answer typed at once is not echoed either.
    input.setRawMode(true);
    output.write(text);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
