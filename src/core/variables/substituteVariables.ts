import { PromptNeeded } from './promptAnswers';
import { isPromptVariable, parsePromptReference } from './promptReference';
import { resolveChainReference } from './resolveChainReference';
import { resolveSystemVariable } from './systemVariables';
import { cycleError, type ReferenceSite, type ResolutionFrame, unresolvedError, variableError } from './variableErrors';
import { type ParsedReference, parseReferenceExpression, plainLookupName } from './variableReference';
import type { VariableSources } from './variableSources';

const referencePattern = /\{\{([^{}]*)\}\}/g;
const referenceHint =
  'Write {{name}} (letters, digits, "_", "-", "."), {{$system args}} or {{request.response.body.$.path}}.';

/**
 * Replaces every `{{…}}` in `text` (found on request line `line`) with its value. Plain names are
 * looked up in `--var` overrides, `# @prompt` answers, file variables, the selected environment, `$shared`, then `.env`;
 * file and environment values may themselves hold references. Throws GwHttpError('variable') for an
 * unresolved or bad reference or a cycle.
 */
export function substituteVariables(
  text: string,
  line: number,
  sources: VariableSources,
  frames: ResolutionFrame[] = [],
): string {
  return substituteAt(text, { line, frames }, sources);
}

function substituteAt(text: string, site: ReferenceSite, sources: VariableSources): string {
  if (!text.includes('{{')) return text;
  return text.replace(referencePattern, (_raw, inner: string) => {
    const reference = parseReferenceExpression(inner);
    const value = resolveReference(reference, site, sources);
    return reference.percentEncode ? encodeURIComponent(value) : value;
  });
}

function resolveReference(reference: ParsedReference, site: ReferenceSite, sources: VariableSources): string {
  if (reference.problem && reference.kind !== 'chain') {
    throw variableError(sources, site, `{{${reference.expression}}}: ${reference.problem}`, referenceHint);
  }
  if (reference.kind === 'system') return resolveSystem(reference, site, sources);
  if (reference.kind === 'chain') return resolveChain(reference, site, sources);
  const value = lookupPlain(reference.name, site, sources);
  if (value === undefined) throw unresolvedError(sources, site, reference.name);
  return value;
}

function resolveSystem(reference: ParsedReference, site: ReferenceSite, sources: VariableSources): string {
  if (reference.name === '$shared' && reference.args.length === 1) {
    const name = reference.args[0];
    const value = lookupIn(
      sources.shared,
      { name, key: `shared:${name}`, label: `"${name}" in $shared` },
      site,
      sources,
    );
    if (value === undefined) throw unresolvedError(sources, site, `$shared ${name}`);
    return value;
  }
  if (isPromptVariable(reference.name)) return resolvePrompt(reference, site, sources);
  try {
    return resolveSystemVariable(reference.name, reference.args, sources.system);
  } catch (error) {
    throw variableError(
      sources,
      site,
      `{{${reference.expression}}}: ${(error as Error).message}`,
      systemHint(reference.name),
    );
  }
}

/** A prompt variable's answer; without one yet, PromptNeeded (prepareRequest asks, then resolves again). */
function resolvePrompt(reference: ParsedReference, site: ReferenceSite, sources: VariableSources): string {
  const prompt = parsePromptReference(reference.name, reference.args);
  if (typeof prompt === 'string') {
    throw variableError(sources, site, `{{${reference.expression}}}: ${prompt}`, systemHint(reference.name));
  }
  const answer = sources.prompted?.inline.get(reference.expression);
  if (answer !== undefined) return answer;
  throw new PromptNeeded(reference.expression, prompt, promptName(prompt, site), site.line);
}

/** The variable a prompt is the value of (the innermost one being resolved), else its label. */
function promptName(prompt: { label: string; options: string[] }, site: ReferenceSite): string {
  const frame = site.frames.at(-1);
  const colon = frame ? frame.key.indexOf(':') : -1;
  if (frame && colon > 0) return frame.key.slice(colon + 1);
  return prompt.label !== '' ? prompt.label : prompt.options.join('|');
}

function systemHint(name: string): string {
  if (name === '$dotenv') return 'Add the name to the .env file beside the request file or at the workspace root.';
  if (name === '$oauth2') {
    return 'Add "$oauth2": {"NAME": {"grant": …, "tokenEndpoint": …, "clientId": …}} to the environment in gwhttp.env.json (see "OAuth2" in the README). A <@ file body cannot use {{$oauth2 …}}.';
  }
  if (name === '$processEnv') return 'Set the environment variable before starting gwhttp (or VS Code).';
  return 'Fix the system variable: see "Variables" in the README for the supported ones.';
}

function resolveChain(reference: ParsedReference, site: ReferenceSite, sources: VariableSources): string {
  const target = reference.chain;
  const exchange = target ? sources.chain.get(target.requestName) : undefined;
  if (!target || !exchange) {
    const plain = lookupPlain(plainLookupName(reference), site, sources);
    if (plain !== undefined) return plain;
  }
  const show = `{{${reference.expression}}}`;
  if (!target || reference.problem) throw variableError(sources, site, `${show}: ${reference.problem}`, referenceHint);
  if (!exchange) {
    if (!sources.requestNames.has(target.requestName)) {
      throw variableError(
        sources,
        site,
        `${show} refers to request "${target.requestName}", but no request in this file has "# @name ${target.requestName}"`,
        `Add "# @name ${target.requestName}" above the request whose ${target.part} you want to use.`,
      );
    }
    throw variableError(
      sources,
      site,
      `${show} needs the ${target.part} of request "${target.requestName}", which has not been sent in this run`,
      `Send "${target.requestName}" first, or send the whole file: requests that others refer to are sent first.`,
    );
  }
  try {
    return resolveChainReference(target, exchange);
  } catch (error) {
    throw variableError(
      sources,
      site,
      `${show}: ${(error as Error).message}`,
      `Check the last response of "${target.requestName}".`,
    );
  }
}

/** A plain name's value, or undefined when no source defines it. */
function lookupPlain(name: string, site: ReferenceSite, sources: VariableSources): string | undefined {
  if (Object.hasOwn(sources.overrides, name)) return sources.overrides[name];
  const prompted = sources.prompted?.variables;
  if (prompted && Object.hasOwn(prompted, name)) return prompted[name];
  const fileVariable = sources.fileVariables.get(name);
  if (fileVariable) {
    const frame = { key: `file:${name}`, label: `@${name} (line ${fileVariable.line})` };
    return substituteNested(fileVariable.value, frame, site, sources);
  }
  const environmentLabel = `"${name}" in environment "${sources.environmentName}"`;
  const fromEnvironment = lookupIn(
    sources.environment,
    { name, key: `env:${name}`, label: environmentLabel },
    site,
    sources,
  );
  if (fromEnvironment !== undefined) return fromEnvironment;
  const fromShared = lookupIn(
    sources.shared,
    { name, key: `shared:${name}`, label: `"${name}" in $shared` },
    site,
    sources,
  );
  if (fromShared !== undefined) return fromShared;
  const dotenv = sources.dotenv?.values;
  return dotenv && Object.hasOwn(dotenv, name) ? dotenv[name] : undefined;
}

function lookupIn(
  values: Record<string, string>,
  frame: ResolutionFrame & { name: string },
  site: ReferenceSite,
  sources: VariableSources,
): string | undefined {
  if (!Object.hasOwn(values, frame.name)) return undefined;
  return substituteNested(values[frame.name], { key: frame.key, label: frame.label }, site, sources);
}

function substituteNested(
  value: string,
  frame: ResolutionFrame,
  site: ReferenceSite,
  sources: VariableSources,
): string {
  const start = site.frames.findIndex((existing) => existing.key === frame.key);
  if (start >= 0) throw cycleError(sources, site, [...site.frames.slice(start), frame]);
  return substituteAt(value, { line: site.line, frames: [...site.frames, frame] }, sources);
}
