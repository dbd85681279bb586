/** The text file beside a request file that keeps its requests' response shapes (`api.gwhttp.snap`). */
export interface SnapshotFile {
  /** Request key → its shape lines, in file order. */
  sections: Map<string, string[]>;
}

/** A line of a snapshot file that reads as nothing it can hold: where, and what it says. */
export class SnapshotFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const sectionPrefix = '== ';
const shapeLine = /^(?:status \d{3}|header \S+|body \S.*)$/;

export function snapshotPathFor(requestFile: string): string {
  return `${requestFile}.snap`;
}

/** Reads a snapshot file; throws `SnapshotFileError` at the first line it cannot read. */
export function parseSnapshotFile(text: string): SnapshotFile {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith(sectionPrefix)) {
      const key = line.slice(sectionPrefix.length).trim();
      if (sections.has(key)) throw new SnapshotFileError(index + 1, `the request "${key}" has a second section`);
      current = [];
      sections.set(key, current);
    } else if (current === null) {
      throw new SnapshotFileError(index + 1, `"${line}" comes before the first "== REQUEST" section`);
    } else if (!shapeLine.test(line)) {
      throw new SnapshotFileError(index + 1, `"${line}" is not a snapshot line (status, header or body)`);
    } else {
      current.push(line);
    }
  });
  return { sections };
}

/** The file's text: a header saying what it is, then a section per request, in the order they were added. */
export function formatSnapshotFile(file: SnapshotFile, requestFileName: string): string {
  const lines = [
    `# gwhttp response snapshots of ${requestFileName}: per request its status, response header names and`,
    "# the body's JSON shape (keys and types, no values). `gwhttp send --update-snapshots` rewrites them;",
    '# review a change here as you would a change of code.',
  ];
  for (const [key, shape] of file.sections) lines.push('', `${sectionPrefix}${key}`, ...shape);
  return `${lines.join('\n')}\n`;
}

/** `- expected` and `+ actual` lines of two sorted shapes, in sorted order; empty when they are the same. */
export function shapeDiff(expected: readonly string[], actual: readonly string[]): string[] {
  const had = new Set(expected);
  const has = new Set(actual);
  const all = [...new Set([...expected, ...actual])].sort();
  return all.filter((line) => !had.has(line) || !has.has(line)).map((line) => `${had.has(line) ? '-' : '+'} ${line}`);
}
