import { createHash } from 'node:crypto';

import { htmlReportStyle } from './htmlReportStyle';
import { type ReportEntry, reportTotals, type RunReport } from './reportEntry';

/** Text for HTML element content and attribute values: the five markup characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * One self-contained HTML page for a run, for a CI artifact viewer: a summary, then per file a row per
 * request (status, time, assertions, quota line), failures expanded with their assertions and error.
 * No script, no remote resource: its own Content-Security-Policy allows nothing but its one inline
 * style sheet (by hash), so a response text that looks like markup stays text.
 */
export function htmlReport(report: RunReport): string {
  const totals = reportTotals(report);
  const styleHash = createHash('sha256').update(htmlReportStyle).digest('base64');
  const verdict = totals.failed === 0 ? 'passed' : 'failed';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>gwhttp run: ${totals.passed} passed, ${totals.failed} failed</title>`,
    `<style>${htmlReportStyle}</style>`,
    '</head>',
    '<body>',
    `<header class="${verdict}">`,
    `<h1>gwhttp run: ${totals.requests} request${totals.requests === 1 ? '' : 's'}, ${totals.passed} passed, ${totals.failed} failed</h1>`,
    `<p>Started ${escapeHtml(report.startedAt.toISOString())} · ${totals.ms} ms of response time · ${report.files.length} file${report.files.length === 1 ? '' : 's'}</p>`,
    '</header>',
    ...report.files.map((group) => fileSection(group.file, group.entries)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function fileSection(file: string, entries: readonly ReportEntry[]): string {
  return [
    '<section>',
    `<h2>${escapeHtml(file)}</h2>`,
    '<table>',
    '<colgroup><col class="c-mark"><col><col class="c-status"><col class="c-time"><col class="c-checks"><col class="c-quota"></colgroup>',
    '<thead><tr><th></th><th>Request</th><th>Status</th><th>Time</th><th>Checks</th><th>Quota</th></tr></thead>',
    '<tbody>',
    ...entries.map(entryRow),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function entryRow(entry: ReportEntry): string {
  const passedChecks = entry.assertions.filter((assertion) => assertion.passed).length;
  const checks = entry.assertions.length === 0 ? '' : `${passedChecks}/${entry.assertions.length}`;
  const cells = [
    `<td class="mark">${entry.passed ? '✔' : '✘'}</td>`,
    `<td>${escapeHtml(entry.label)}<div class="where">${escapeHtml(`${entry.file}:${entry.line}`)}</div></td>`,
    `<td class="fig">${entry.status ? escapeHtml(`${entry.status.code} ${entry.status.text}`) : '—'}</td>`,
    `<td class="fig">${entry.durationMs === null ? '—' : `${entry.durationMs} ms`}</td>`,
    `<td class="fig">${checks}</td>`,
    `<td class="quota">${entry.quota === null ? '' : escapeHtml(entry.quota)}</td>`,
  ];
  const row = `<tr class="${entry.passed ? 'passed' : 'failed'}">${cells.join('')}</tr>`;
  const details = entryDetails(entry);
  return details === '' ? row : `${row}\n<tr class="details"><td></td><td colspan="5">${details}</td></tr>`;
}

/** A failed request's error and every assertion; warnings for any request. Empty when there is nothing to say. */
function entryDetails(entry: ReportEntry): string {
  const parts: string[] = [];
  if (entry.error) {
    parts.push(`<p class="error">${escapeHtml(entry.error.message)}</p>`);
    if (entry.error.hint) parts.push(`<p class="hint">${escapeHtml(entry.error.hint)}</p>`);
  } else if (!entry.passed && entry.assertions.length === 0 && entry.status) {
    const status = `HTTP ${entry.status.code} ${entry.status.text}`;
    parts.push(`<p class="error">${escapeHtml(status)}: not a 2xx status, and no ?? status assertion expects it</p>`);
  }
  if (!entry.passed && entry.assertions.length > 0) {
    const items = entry.assertions.map((assertion) => {
      const text = `line ${assertion.line}: ${assertion.documented ? 'documented: ' : '?? '}${assertion.text}`;
      if (assertion.passed) return `<li class="passed">✔ ${escapeHtml(text)}</li>`;
      const why = `${assertion.failure ?? 'failed'} (actual: ${assertion.actual})`;
      return `<li class="failed">✘ ${escapeHtml(text)}<div>${escapeHtml(why)}</div></li>`;
    });
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  parts.push(...entry.warnings.map((warning) => `<p class="warning">warning: ${escapeHtml(warning)}</p>`));
  if (parts.length === 0) return '';
  return entry.passed ? parts.join('') : `<details open><summary>Why it failed</summary>${parts.join('')}</details>`;
}
