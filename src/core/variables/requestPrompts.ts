import type { Directive } from '../model/document';

/** A REST Client `# @prompt name [description]` of a request: a variable asked for when it is sent. */
export interface DeclaredPrompt {
  name: string;
  /** The text after the name; empty when there is none. */
  description: string;
  line: number;
}

const declaration = /^([A-Za-z_][\w.-]*)(?:\s+(.*))?$/s;

/** The request's `# @prompt` lines, in order (a malformed one is left out: the parser warned about it). */
export function declaredPrompts(request: { readonly directives: readonly Directive[] }): DeclaredPrompt[] {
  const prompts: DeclaredPrompt[] = [];
  for (const directive of request.directives) {
    if (directive.key !== 'prompt') continue;
    const match = declaration.exec(directive.value.trim());
    if (match) prompts.push({ name: match[1], description: (match[2] ?? '').trim(), line: directive.line });
  }
  return prompts;
}

/** The names the request's `# @prompt` lines define (empty for most requests). */
export function promptedNames(request: { readonly directives: readonly Directive[] }): Set<string> {
  return new Set(declaredPrompts(request).map((prompt) => prompt.name));
}
