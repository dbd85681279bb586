import { directiveOf, type ParsedDocument } from '../model/document';
import { type LoadedEnvironments, sharedEnvironmentName } from '../variables/loadedEnvironments';

/** The environment key that asks for a confirmation before any send with it: `"$confirm": "Production: real orders"`. */
export const confirmEnvironmentKey = '$confirm';

/**
 * Why sending these requests needs a confirmation first, or null when it does not: each request's
 * `# @note` (REST Client's "confirm before sending"), and the selected environment's `$confirm`
 * (or `$shared`'s). The editor asks; the CLI never prompts (it runs in CI).
 */
export function confirmationText(
  document: ParsedDocument,
  indexes: readonly number[],
  environments: LoadedEnvironments | null,
  environmentName: string | null,
): string | null {
  const reasons: string[] = [];
  const all = environments?.environments ?? {};
  const environmentReason =
    (environmentName === null ? undefined : all[environmentName]?.[confirmEnvironmentKey]) ??
    all[sharedEnvironmentName]?.[confirmEnvironmentKey];
  if (environmentReason !== undefined) {
    reasons.push(
      `${environmentName === null ? 'Every environment' : `Environment "${environmentName}"`}: ${environmentReason.trim() || 'asks for a confirmation before sending.'}`,
    );
  }
  for (const index of indexes) {
    const request = document.requests[index];
    const note = request && directiveOf(request, 'note');
    if (!request || !note) continue;
    const title = request.title ?? request.name ?? `${request.method} ${request.url}`;
    reasons.push(`${title} (line ${request.line}): ${note.value.trim() || 'marked # @note: confirm before sending.'}`);
  }
  return reasons.length > 0 ? reasons.join('\n') : null;
}
