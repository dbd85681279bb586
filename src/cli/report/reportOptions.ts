import { usageError } from '../shared/cliError';

/** The report formats `gwhttp send --report KIND[=FILE]` writes. */
export type ReportKind = 'html' | 'tap' | 'json' | 'junit';

/** One asked-for report: where it goes (`null`: standard output, in place of the human output). */
export interface ReportTarget {
  kind: ReportKind;
  path: string | null;
}

const kinds: Record<ReportKind, { toStdout: boolean }> = {
  html: { toStdout: false },
  tap: { toStdout: true },
  json: { toStdout: false },
  junit: { toStdout: false },
};

const isKind = (name: string): name is ReportKind => Object.prototype.hasOwnProperty.call(kinds, name);

/**
 * Reads `--report html=run.html --report tap …` (and `--junit FILE`, the same as `--report junit=FILE`).
 * At most one report goes to standard output, and not together with `--json`.
 */
export function readReportTargets(values: readonly string[], junit: string | undefined, json: boolean): ReportTarget[] {
  const targets = values.map(readReportTarget);
  if (junit !== undefined) targets.push({ kind: 'junit', path: junit });
  const toStdout = targets.filter((target) => target.path === null);
  if (toStdout.length > 1 || (toStdout.length === 1 && json)) {
    throw usageError(
      `--report ${toStdout[0].kind} writes to standard output, and so does ${toStdout.length > 1 ? `--report ${toStdout[1].kind}` : '--json'}.`,
      'Give one of them a file: --report tap=run.tap.',
    );
  }
  return targets;
}

function readReportTarget(value: string): ReportTarget {
  const equals = value.indexOf('=');
  const name = (equals < 0 ? value : value.slice(0, equals)).trim().toLowerCase();
  const path = equals < 0 ? null : value.slice(equals + 1).trim();
  if (!isKind(name)) {
    throw usageError(
      `--report ${value}: unknown report "${name}".`,
      'Reports: html=FILE, json=FILE, junit=FILE, tap or tap=FILE.',
    );
  }
  if (path === '' || (path === null && !kinds[name].toStdout)) {
    throw usageError(
      `--report ${name} needs a file: --report ${name}=FILE.`,
      `For example --report ${name}=reports/run.${name === 'junit' ? 'xml' : name}.`,
    );
  }
  return { kind: name, path };
}
