import * as vscode from 'vscode';

import type { InputQuestion, PickQuestion, Prompter, PromptQuestion } from '../../core';
import type { PromptedValues } from '../state/promptedValues';

/**
 * Asks prompts with VS Code's input box (`password: true` when masked) and quick pick, one at a time,
 * answering from the window's remembered values first. Escape resolves undefined: the send is
 * cancelled, quietly.
 */
export function inputBoxPrompter(remembered: PromptedValues): Prompter {
  let turn: Promise<unknown> = Promise.resolve();
  const once = (question: PromptQuestion, ask: () => Thenable<string | undefined>): Promise<string | undefined> => {
    const next = turn.then(async () => {
      const known = remembered.get(question.file, question.name);
      if (known !== undefined) return known;
      const answer = await remembered.whileAsking(ask);
      if (answer !== undefined) remembered.remember(question.file, question.name, answer);
      return answer;
    });
    turn = next.catch(() => undefined);
    return next;
  };
  return {
    input: (question) => once(question, () => showInput(question)),
    pick: (question) => once(question, () => showPick(question)),
  };
}

function title(question: PromptQuestion): string {
  return `GW HTTP: ${question.name}`;
}

function where(question: PromptQuestion): string {
  const file = question.file === null ? 'untitled' : vscode.workspace.asRelativePath(question.file);
  return `${file}:${question.line}`;
}

function showInput(question: InputQuestion): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: title(question),
    prompt: `${question.description} (${where(question)})`,
    value: question.masked ? undefined : question.defaultValue,
    password: question.masked,
    ignoreFocusOut: true,
  });
}

function showPick(question: PickQuestion): Thenable<string | undefined> {
  return vscode.window.showQuickPick(question.options, {
    title: title(question),
    placeHolder: `${question.description} (${where(question)})`,
    ignoreFocusOut: true,
  });
}
