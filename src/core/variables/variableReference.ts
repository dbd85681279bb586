/**
 * What a `{{…}}` reference means, decided from its text alone (no lookup): a plain variable, a
 * system variable (`{{$uuid}}`), or a request-chaining reference (`{{login.response.body.$.token}}`).
 */
export type VariableReferenceKind = 'plain' | 'system' | 'chain';

export interface ChainTarget {
  /** The `# @name` of the earlier request. */
  requestName: string;
  part: 'request' | 'response';
  section: 'body' | 'headers';
  /** `*`, a JSONPath starting with `$`, or a header name. */
  selector: string;
}

export interface ParsedReference {
  kind: VariableReferenceKind;
  /** Trimmed text between the braces. */
  expression: string;
  /** Plain: the variable name; system: `$name`; chain: the request name. */
  name: string;
  /** System variables: the words after the name. */
  args: string[];
  chain: ChainTarget | null;
  /** A syntax problem (bad name, unsupported selector), or null. */
  problem: string | null;
  /** `{{%name}}` (REST Client): the value is percent-encoded (encodeURIComponent). */
  percentEncode: boolean;
}

const plainName = /^[A-Za-z_][\w.-]*$/;
const chainShape = /^([A-Za-z_][\w-]*)\.(response|request)\.(body|headers)(?:\.(.*))?$/s;

export function parseReferenceExpression(rawExpression: string): ParsedReference {
  const expression = rawExpression.trim();
  if (expression.startsWith('$')) {
    const [name, ...args] = systemWords(expression);
    return { kind: 'system', expression, name, args, chain: null, problem: null, percentEncode: false };
  }
  if (expression.startsWith('%') && plainName.test(expression.slice(1))) {
    return { ...parseReferenceExpression(expression.slice(1)), expression, percentEncode: true };
  }
  const chainMatch = chainShape.exec(expression);
  if (chainMatch) return parseChain(expression, chainMatch);
  const problem = plainName.test(expression)
    ? null
    : `"${expression}" is not a variable name (letters, digits, "_", "-" and "." only; JavaScript expressions are not supported)`;
  return { kind: 'plain', expression, name: expression, args: [], chain: null, problem, percentEncode: false };
}

/** `$name` and its arguments; a quoted argument (`"DD MM YYYY"`, `'HH:mm'`) is one word, quotes kept. */
function systemWords(expression: string): string[] {
  return expression.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
}

function parseChain(expression: string, match: RegExpExecArray): ParsedReference {
  const [, requestName, part, section, rest] = match;
  const selector = (rest ?? '').trim();
  const chain: ChainTarget = {
    requestName,
    part: part as ChainTarget['part'],
    section: section as ChainTarget['section'],
    selector,
  };
  return {
    kind: 'chain',
    expression,
    name: requestName,
    args: [],
    chain,
    problem: chainProblem(chain),
    percentEncode: false,
  };
}

function chainProblem(chain: ChainTarget): string | null {
  const { section, selector } = chain;
  if (selector === '') {
    return section === 'body'
      ? 'add "*" for the whole body or a JSONPath such as "$.token" after ".body."'
      : 'add a header name after ".headers."';
  }
  if (section === 'body' && selector.startsWith('//')) {
    return 'XPath selectors are not supported; use "*" or a JSONPath such as "$.token"';
  }
  if (section === 'body' && selector !== '*' && !selector.startsWith('$')) {
    return `"${selector}" is neither "*" nor a JSONPath (JSONPath starts with "$")`;
  }
  if (section === 'headers' && !/^[!#$%&'*+.^_`|~\w-]+$/.test(selector)) {
    return `"${selector}" is not a header name`;
  }
  return null;
}

/** The name to look up among plain variables (the expression without a leading `%`). */
export function plainLookupName(reference: ParsedReference): string {
  return reference.percentEncode ? reference.expression.slice(1) : reference.expression;
}
