import type { PromptReference } from './promptReference';

/** The answers of one request's prompts, as variable resolution reads them. */
export interface PromptAnswers {
  /** `# @prompt` answers by variable name. */
  variables: Record<string, string>;
  /** `{{$input …}}` / `{{$password …}}` / `{{$pick …}}` answers by the reference's expression. */
  inline: Map<string, string>;
  /** The masked answers: they join the run's Redactor. */
  secrets: string[];
}

export function noPromptAnswers(): PromptAnswers {
  return { variables: {}, inline: new Map(), secrets: [] };
}

/**
 * Thrown by variable resolution on a prompt variable it has no answer for yet: prepareRequest asks
 * and resolves again. Never leaves prepareRequest.
 */
export class PromptNeeded extends Error {
  constructor(
    /** The reference's expression (`$password Token`): the answer's key. */
    readonly expression: string,
    readonly prompt: PromptReference,
    /** The variable the prompt is the value of (`@token = {{$password Token}}`), else its label. */
    readonly promptName: string,
    readonly line: number,
  ) {
    super(`{{${expression}}} needs an answer`);
    this.name = 'PromptNeeded';
  }
}
