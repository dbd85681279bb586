import type { Diagnostic } from './diagnostic';

/** One `Name: value` header line as written in the file (values raw, `{{…}}` unresolved). */
export interface HeaderLine {
  name: string;
  value: string;
  line: number;
}

/** The directives gwhttp acts on, in their canonical spelling (gwhttp-format.md §1). */
export const directiveNames = [
  'name',
  'sign',
  'timeout',
  'no-redirect',
  'insecure',
  'note',
  'expect-snapshot',
  // httpYac: `# @save path` writes the response body to a file (run/saveResponse.ts).
  'save',
  'repeat',
  'parallel',
  'no-cookie-jar',
  // REST Client: `# @prompt name [description]` asks for a value at send time (variables/requestPrompts.ts).
  'prompt',
  // `# @auth oauth2 NAME`: `Authorization: Bearer <token>` of the environment's OAuth2 configuration NAME.
  'auth',
] as const;

export type DirectiveName = (typeof directiveNames)[number];

/** A `# @key value` / `// @key value` directive line before a request line. */
export interface Directive {
  /** The key as written (`Note`, `no_redirect`, …), for messages. */
  name: string;
  /**
   * The known directive it names, normalised at parse time (case, `-`/`_` or none between words:
   * `@Note`, `@noRedirect`, `@no_redirect` all name one), or null for a directive gwhttp ignores.
   */
  key: DirectiveName | null;
  value: string;
  line: number;
}

/**
 * The request's directive `name` (its first one: a repeated directive is warned about at parse time),
 * or null. The one way to look a directive up: never compare `Directive.name` by hand.
 */
export function directiveOf(
  request: { readonly directives: readonly Directive[] },
  name: DirectiveName,
): Directive | null {
  for (const directive of request.directives) if (directive.key === name) return directive;
  return null;
}

/** An `@name = value` file variable. */
export interface FileVariable {
  name: string;
  value: string;
  line: number;
}

export interface LineRange {
  startLine: number;
  endLine: number;
}

export type RequestForm = 'line' | 'block';

/** An httpYac-style `?? status == 200` line: the text after `??`, raw (`{{…}}` unresolved). */
export interface AssertionLine {
  text: string;
  line: number;
  /** `documentation`: stated by a gateway document's Response code / Response header block; absent: a `??` line. */
  origin?: AssertionOrigin;
}

/** Where an assertion comes from: a `??` line of the file, or a documented response of the block form. */
export type AssertionOrigin = 'file' | 'documentation';

/** A JetBrains `>> path` (`>>!`: overwrite) line after a request: where to write the response body. */
export interface ResponseSaveLine {
  /** The path as written, `{{…}}` unresolved; relative to the request file's folder. */
  path: string;
  /** `>>!`: replace the file; `>>`: pick a new name (`name-1.json`, …) when it exists. */
  overwrite: boolean;
  line: number;
}

/** A request as parsed from the file, before variables are resolved or it is signed. */
export interface ParsedRequest {
  /** 0-based position among the file's requests. */
  index: number;
  /** From `# @name`; the name other requests use to refer to this one. */
  name: string | null;
  /** Text after the `###` separator that opens the request's region. */
  title: string | null;
  /** Line of the request line (line form) or of the first block heading (block form). */
  line: number;
  /** Last line that belongs to the request (before trailing blank lines and the next separator). */
  endLine: number;
  /** First line of the request's region (separator line, or 1 for the first region). */
  regionStartLine: number;
  method: string;
  /** Raw target, continuation lines appended, `{{…}}` kept. */
  url: string;
  /** Line holding the URL (request line, or the line inside an Address block). */
  urlLine: number;
  headers: HeaderLine[];
  /** Raw body (lines joined with LF, or CRLF for multipart), `null` when there is none. */
  body: string | null;
  bodyRange: LineRange | null;
  form: RequestForm;
  directives: Directive[];
  /** `?? …` checks of the response, in file order (line form only). */
  assertions: AssertionLine[];
  /** The request's first `>> path` / `>>! path` line (line form only); absent when it has none. */
  saveResponse?: ResponseSaveLine;
}

export interface ParsedDocument {
  requests: ParsedRequest[];
  /**
   * Directives of the whole file: `# @repeat N` / `# @parallel N` in a preamble before the first
   * request (a region of its own, closed by `###`). Absent when there are none.
   */
  fileDirectives?: Directive[];
  variables: FileVariable[];
  diagnostics: Diagnostic[];
}
