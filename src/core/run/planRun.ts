import { directiveOf, type ParsedDocument, type ParsedRequest } from '../model/document';
import { referencedRequestNames } from '../variables/referencedRequestNames';

/** One send of a run: which request, the earlier sends whose exchanges it reads, and which repetition it is. */
export interface PlannedSend {
  request: ParsedRequest;
  /** Positions (in the plan) of the sends it must wait for: the ones whose `{{name.response…}}` it reads. */
  needs: number[];
  /** `2 of 5` for a repeated request (`--repeat`, `# @repeat`); null when it is sent once. */
  repetition: { number: number; of: number } | null;
  /** `# @parallel N` on the request: how many of its repetitions may run at a time (null: the run's limit). */
  ownParallel: number | null;
}

/** How often each chosen request is sent: `--repeat N` for the run, `# @repeat N` per request or file. */
export interface RepeatChoice {
  /** The run's `--repeat` (1 when not given). */
  run: number;
  /** The file's `# @repeat N` (its preamble), or null. */
  file: number | null;
}

/** A directive's value as a whole number of 1 or more, or null (the parser warns about any other value). */
export function countDirective(
  request: { readonly directives: ParsedRequest['directives'] },
  name: 'repeat' | 'parallel',
): number | null {
  const value = directiveOf(request, name)?.value.trim() ?? '';
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : null;
}

/**
 * The run's sends in the order their results are reported: each chosen request (repeated as asked),
 * a request it refers to that is not yet planned before it (`{{login.response…}}`, sent once).
 * A request already planned is not planned again. The same walk the sequential runner made.
 */
export function planRun(
  document: ParsedDocument,
  indexes: readonly number[],
  environment: Readonly<Record<string, string>>,
  repeat: RepeatChoice,
): PlannedSend[] {
  const plan: PlannedSend[] = [];
  const lastOf = new Map<number, number>();
  const add = (request: ParsedRequest, times: number) => {
    for (let number = 1; number <= times; number++) {
      plan.push({
        request,
        needs: [],
        repetition: times > 1 ? { number, of: times } : null,
        ownParallel: countDirective(request, 'parallel'),
      });
    }
    lastOf.set(request.index, plan.length - 1);
  };
  const visit = (request: ParsedRequest, stack: readonly number[], times: number) => {
    const needs: number[] = [];
    for (const name of referencedRequestNames(request, document, environment)) {
      const dependency = document.requests.find((candidate) => candidate.name === name);
      // A missing or cyclic dependency is left to prepareRequest, which names the unresolved reference.
      if (!dependency || dependency.index === request.index || stack.includes(dependency.index)) continue;
      if (!lastOf.has(dependency.index)) visit(dependency, [...stack, request.index], 1);
      const position = lastOf.get(dependency.index);
      if (position !== undefined && !needs.includes(position)) needs.push(position);
    }
    const first = plan.length;
    add(request, times);
    for (let position = first; position < plan.length; position++) plan[position].needs = needs;
  };
  for (const index of indexes) {
    const request = document.requests[index];
    if (!request || lastOf.has(index)) continue;
    visit(request, [], countDirective(request, 'repeat') ?? repeat.file ?? repeat.run);
  }
  return plan;
}
