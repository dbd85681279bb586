/** Test helper: runs planImport on a fixture into a temp folder and compares every planned file with golden files. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { type ImportInput, type ImportPlan, planImport } from '../../../src/core/import/planImport';
import { tempDir } from '../http/loopback';
import { fixtures, matchesGolden, warningLines } from './golden';

export async function planFixture(
  kind: ImportInput['kind'],
  input: string,
  extra: Partial<ImportInput> = {},
): Promise<{ plan: ImportPlan; out: string }> {
  const out = tempDir();
  const inputPath = path.join(fixtures, input);
  const plan = await planImport({
    kind,
    inputPath,
    text: fs.readFileSync(inputPath, 'utf8'),
    output: out,
    outputIsFolder: true,
    environments: [],
    fileReader: nodeFileReader,
    ...extra,
  });
  return { plan, out };
}

/** Every planned file and the warnings match `expected/<golden>/…`. */
export function planMatchesGolden(plan: ImportPlan, out: string, golden: string): void {
  const folder = path.join(fixtures, 'expected', golden);
  for (const file of plan.files) matchesGolden(file.text, path.join(folder, path.relative(out, file.path)));
  matchesGolden(`${warningLines(plan.warnings)}\n`, path.join(folder, 'warnings.txt'));
}
