import * as fs from 'node:fs';
import * as path from 'node:path';

import { GwHttpError, type Redactor, type RunResult } from '../../core';
import { junitCases, junitReport, type JunitSuite } from '../shared/junitReport';
import { type RunResultJson, runResultsJsonDocument } from '../shared/runResultJson';
import { htmlReport } from './htmlReport';
import { reportEntry, type RunReport } from './reportEntry';
import type { ReportTarget } from './reportOptions';
import { tapReport } from './tapReport';

/**
 * What the reports of a run collect as its results arrive (small entries, never whole responses),
 * and writes them at the end. Loaded only when a report is asked for (a chunk of its own in the CLI).
 */
export class ReportCollector {
  private readonly report: RunReport;
  private readonly suites: JunitSuite[] = [];
  private readonly json: RunResultJson[] = [];

  constructor(
    private readonly targets: readonly ReportTarget[],
    startedAt: Date,
  ) {
    this.report = { startedAt, files: [] };
  }

  /** Starts the group of a request file. */
  startFile(file: string): void {
    this.report.files.push({ file, entries: [] });
    this.suites.push({ name: file, cases: [] });
  }

  /** Adds a result of the current file, with its `--json` form (already made for --json or the json report). */
  add(result: RunResult, file: string, json: RunResultJson | null): void {
    this.report.files[this.report.files.length - 1].entries.push(reportEntry(result, file));
    this.suites[this.suites.length - 1].cases.push(...junitCases([result]));
    if (json) this.json.push(json);
  }

  /** Whether a report needs each result's `--json` form. */
  get needsJson(): boolean {
    return this.targets.some((target) => target.kind === 'json');
  }

  /** Writes every file report, with the run's secrets masked; returns the report for standard output, if one was asked for. */
  write(cwd: string, redactor: Redactor): string | null {
    let toStdout: string | null = null;
    for (const target of this.targets) {
      const text = this.render(target, redactor);
      if (target.path === null) toStdout = text;
      else writeReportFile(path.resolve(cwd, target.path), target, text);
    }
    return toStdout;
  }

  private render(target: ReportTarget, redactor: Redactor): string {
    const report = { ...this.report, files: redactor.deep(this.report.files) };
    switch (target.kind) {
      case 'html':
        return htmlReport(report);
      case 'tap':
        return tapReport(report);
      case 'json':
        return runResultsJsonDocument(redactor.deep(this.json));
      case 'junit':
        return junitReport(redactor.deep(this.suites));
    }
  }
}

const reportNames: Record<ReportTarget['kind'], string> = { html: 'HTML', tap: 'TAP', json: 'JSON', junit: 'JUnit' };

function writeReportFile(absolute: string, target: ReportTarget, text: string): void {
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const option = target.kind === 'junit' ? '--junit' : `--report ${target.kind}=`;
    throw new GwHttpError(
      'file',
      `Cannot write the ${reportNames[target.kind]} report to ${target.path}: ${reason}`,
      null,
      { hint: `The requests were sent and their results printed; give ${option} a path in a folder you can write.` },
    );
  }
}
