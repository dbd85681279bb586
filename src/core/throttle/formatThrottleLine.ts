import type { ThrottleState } from './throttleState';

/**
 * One human line for the CLI and the status bar, e.g.
 * `quota 100/125 used (80%) · limit 500 · plan usagePlan-1 · key AKID…`. Parts without data are left out.
 */
export function formatThrottleLine(state: ThrottleState): string {
  const parts: string[] = [];
  const percent = state.percentUsed === null ? '' : ` (${state.percentUsed}%)`;
  if (state.used !== null) {
    parts.push(`quota ${state.used}${state.usedOf === null ? '' : `/${state.usedOf}`} used${percent}`);
  } else if (state.usedRaw !== null) {
    parts.push(`quota "${state.usedRaw}" used`);
  }
  if (state.remaining !== null) parts.push(`${state.remaining} remaining${state.used === null ? percent : ''}`);
  if (state.limit !== null) {
    parts.push(`limit ${state.limit}${state.windowSeconds === null ? '' : ` per ${state.windowSeconds}s`}`);
  }
  if (state.resetSeconds !== null) parts.push(`resets in ${state.resetSeconds}s`);
  if (state.retryAfterSeconds !== null) parts.push(`retry after ${state.retryAfterSeconds}s`);
  if (state.usagePlanId !== null) parts.push(`plan ${state.usagePlanId}`);
  if (state.secretId !== null) parts.push(`key ${state.secretId}`);
  if (state.notes.length > 0) parts.push(`${state.notes.length} header note${state.notes.length === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' · ') : 'throttling headers present but empty';
}
