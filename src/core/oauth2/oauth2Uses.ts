import { directiveOf, type FileVariable, type ParsedDocument, type ParsedRequest } from '../model/document';
import { findVariableReferences } from '../variables/findVariableReferences';
import { fileVariableMap } from '../variables/variableSources';

/** The system variable that holds a configuration's access token: `{{$oauth2 NAME}}`. */
export const oauth2VariableName = '$oauth2';

/** A configuration a request uses, and the first request line that uses it (for errors). */
export interface OAuth2Use {
  name: string;
  line: number;
}

/**
 * The OAuth2 configurations `request` uses through `{{$oauth2 NAME}}`: in its URL, headers,
 * directives, body and assertions, directly or through file variables and environment values, in
 * order of first use. (References inside `<@ file` bodies are not seen.)
 */
export function oauth2Uses(
  request: ParsedRequest,
  document: ParsedDocument,
  environment: Readonly<Record<string, string>>,
): OAuth2Use[] {
  const found: FoundUses = { uses: [], visited: new Set(), fileVariables: null, document, environment };
  visit(request.url, request.urlLine, found);
  for (const header of request.headers) {
    visit(header.name, header.line, found);
    visit(header.value, header.line, found);
  }
  for (const directive of request.directives) {
    if (directive.key !== 'name') visit(directive.value, directive.line, found);
  }
  if (request.body !== null) visit(request.body, request.bodyRange?.startLine ?? request.line, found);
  for (const assertion of request.assertions) visit(assertion.text, assertion.line, found);
  return found.uses;
}

/** `# @auth oauth2 NAME`: the name (raw, `{{…}}` unresolved) and the directive's line, or null. */
export function oauth2AuthDirective(request: ParsedRequest): OAuth2Use | null {
  const directive = directiveOf(request, 'auth');
  if (!directive) return null;
  const [scheme, name] = directive.value.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'oauth2' || !name) return null;
  return { name, line: directive.line };
}

interface FoundUses {
  uses: OAuth2Use[];
  visited: Set<string>;
  fileVariables: Map<string, FileVariable> | null;
  document: ParsedDocument;
  environment: Readonly<Record<string, string>>;
}

function visit(text: string, line: number, found: FoundUses): void {
  if (!text.includes('{{')) return;
  for (const reference of findVariableReferences(text, 0)) {
    if (reference.kind === 'system' && reference.name === oauth2VariableName && reference.args.length === 1) {
      const name = reference.args[0];
      if (!found.uses.some((use) => use.name === name)) found.uses.push({ name, line });
    }
    if (reference.kind !== 'plain' || found.visited.has(reference.name)) continue;
    const variable = (found.fileVariables ??= fileVariableMap(found.document.variables)).get(reference.name);
    const value = variable
      ? variable.value
      : Object.hasOwn(found.environment, reference.name)
        ? found.environment[reference.name]
        : undefined;
    if (value !== undefined) {
      found.visited.add(reference.name);
      visit(value, line, found);
    }
  }
}
