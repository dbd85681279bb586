import * as path from 'node:path';

import { GwHttpError, untitledFile } from '../errors';
import { dotenvDescription, type VariableSources } from './variableSources';

/** A step of an ongoing resolution: the variable being resolved and where it is defined. */
export interface ResolutionFrame {
  /** Unique per source and name, e.g. `file:host`, `env:host`. */
  key: string;
  /** For messages, e.g. `file variable "base" (line 2)`. */
  label: string;
}

/** Where a reference sits: the line of the request it came from, and the variables it went through. */
export interface ReferenceSite {
  line: number;
  frames: ResolutionFrame[];
}

export function variableError(
  sources: VariableSources,
  site: ReferenceSite,
  what: string,
  hint: string,
  details = '',
): GwHttpError {
  const via =
    site.frames.length > 0
      ? ` (used by ${[...site.frames]
          .reverse()
          .map((frame) => frame.label)
          .join(' ← ')})`
      : '';
  const location = { file: sources.requestFile ?? untitledFile, line: site.line };
  return new GwHttpError('variable', `${what}${via}${details ? `. ${details}` : ''}`, location, {
    hint,
  });
}

/** The places a plain `{{name}}` was looked for, highest precedence first. */
export function searchedPlaces(sources: VariableSources): string[] {
  const places = ['--var overrides', 'file variables'];
  const name = sources.environmentName;
  if (name === null) places.push('no environment selected');
  else places.push(`environment "${name}" (${environmentOrigins(sources, name).join(', ') || 'no env file found'})`);
  places.push('$shared');
  places.push(dotenvDescription(sources.dotenv, sources.mayReadWorkspaceFiles));
  return places;
}

/** The env files (base names) and/or the setting that define environment `name`. */
function environmentOrigins(sources: VariableSources, name: string): string[] {
  const locations = Object.values(sources.environments.locations[name] ?? {});
  const files = sources.environments.files.map((file) => path.basename(file));
  return locations.some((location) => location.file === null) ? ['gwhttp.environments setting', ...files] : files;
}

export function unresolvedError(sources: VariableSources, site: ReferenceSite, name: string): GwHttpError {
  const details = `Looked in: ${searchedPlaces(sources).join(', ')}`;
  return variableError(sources, site, `variable {{${name}}} is not defined`, unresolvedHint(sources, name), details);
}

function unresolvedHint(sources: VariableSources, name: string): string {
  const define = `define it with "@${name} = …" in the file or pass --var ${name}=VALUE`;
  if (sources.environmentName === null && sources.environments.names.length > 0) {
    return `No environment is selected (available: ${sources.environments.names.join(', ')}): choose one with --env NAME or "GW HTTP: Select Environment", or ${define}.`;
  }
  const envFile = sources.environments.files[0] ? path.basename(sources.environments.files[0]) : 'gwhttp.env.json';
  const environment = sources.environmentName ?? 'local';
  return `Add "${name}" to environment "${environment}" in ${envFile} (secrets go in gwhttp.env.private.json), or ${define}.`;
}

export function cycleError(sources: VariableSources, site: ReferenceSite, cycle: ResolutionFrame[]): GwHttpError {
  const names = cycle.map((frame) => frame.label).join(' → ');
  return variableError(
    sources,
    { line: site.line, frames: [] },
    `variables form a cycle: ${names}`,
    'Break the cycle: at least one of these variables must have a value that does not refer back to the others.',
  );
}
