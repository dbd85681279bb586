import { GwHttpError, type SourceLocation } from '../errors';

/** What a GraphQL request sends as its JSON body (GraphQL over HTTP). */
export interface GraphqlPayload {
  query: string;
  /** The first named operation (`query Orders(…)`); absent when every operation is anonymous. */
  operationName?: string;
  /** The variables block after the query; absent when there is none. */
  variables?: Record<string, unknown>;
}

const namedOperation = /(?:^|[\s}])(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
const blankLine = /\r?\n[ \t]*\r?\n/g;

/**
 * Reads a GraphQL body as REST Client, JetBrains and httpYac write it: the query, then a blank line
 * and a JSON object of variables. The variables are the text after the last blank line when it starts
 * with `{` (so fragments parted by blank lines stay in the query); such a block that is not a JSON
 * object is an error at `location`, since the request would go without its variables.
 */
export function graphqlPayload(text: string, location: SourceLocation | null): GraphqlPayload {
  const split = lastMatch(blankLine, text);
  const tail = split ? text.slice(split.index + split[0].length).trim() : '';
  const head = split ? text.slice(0, split.index).trim() : text.trim();
  const hasVariables = split !== null && tail.startsWith('{') && head !== '';
  const query = hasVariables ? head : text.trim();
  const payload: GraphqlPayload = { query };
  const operation = namedOperation.exec(stripComments(query));
  if (operation) payload.operationName = operation[1];
  if (hasVariables) payload.variables = parseVariables(tail, location);
  return payload;
}

function parseVariables(text: string, location: SourceLocation | null): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw variablesError(`is not JSON (${(error as Error).message})`, location);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw variablesError('is not a JSON object', location);
  }
  return value as Record<string, unknown>;
}

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) last = match;
  return last;
}

/** GraphQL `#` comments, which may mention `query Name` without naming an operation. */
function stripComments(query: string): string {
  return query.replace(/#[^\n\r]*/g, '');
}

function variablesError(what: string, location: SourceLocation | null): GwHttpError {
  return new GwHttpError(
    'parse',
    `the GraphQL variables block (after the last blank line of the body) ${what}`,
    location ?? null,
    { hint: 'Write the variables as one JSON object after a blank line, e.g. {"id": 7}, or remove the blank line.' },
  );
}
