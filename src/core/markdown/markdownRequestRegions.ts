import type { Diagnostic } from '../model/diagnostic';
import { blockKindOf } from '../parser/blockHeadings';
import type { MarkdownFence, MarkdownHeading, MarkdownOutline } from './markdownOutline';

/** Info strings whose fenced blocks hold requests. */
const requestLanguages = new Set(['http', 'rest', 'gwhttp']);

/**
 * Lines of a Markdown file that hold requests (0-based, `to` exclusive): a fenced block's content, or a
 * gateway doc sample (its block headings and what follows them). `headings` are the sample's block
 * headings, which the parser must see as such.
 */
export interface MarkdownRequestRegion {
  kind: 'fence' | 'sample';
  from: number;
  to: number;
  headings: MarkdownHeading[];
}

export interface MarkdownRequestRegions {
  regions: MarkdownRequestRegion[];
  diagnostics: Diagnostic[];
}

/** Gateway doc samples: runs of consecutive block headings (`#### Address`, `#### Method`, …) with an Address. */
function sampleRegions(outline: MarkdownOutline, lineCount: number): MarkdownRequestRegion[] {
  const samples: MarkdownRequestRegion[] = [];
  const { headings } = outline;
  const kinds = headings.map((heading) => blockKindOf(heading.text));
  let i = 0;
  while (i < headings.length) {
    if (kinds[i] === null) {
      i++;
      continue;
    }
    let j = i;
    while (j < headings.length && kinds[j] !== null) j++;
    const to = j < headings.length ? headings[j].line : lineCount;
    const hasAddress = kinds.slice(i, j).includes('address');
    if (hasAddress) samples.push({ kind: 'sample', from: headings[i].line, to, headings: headings.slice(i, j) });
    i = j;
  }
  return samples;
}

export const unterminatedFenceCode = 'unterminated-fence';

function unterminated(fence: MarkdownFence, lineCount: number): Diagnostic {
  return {
    line: fence.open + 1,
    severity: 'warning',
    code: unterminatedFenceCode,
    message: `This ${fence.marker}${fence.language} block has no closing ${fence.marker} line, so it runs to the end of the file (line ${lineCount}) and its requests were read up to there: close it with a line of ${fence.marker}.`,
  };
}

/** The request regions of a Markdown file in line order, and the problems with their fences. */
export function markdownRequestRegions(outline: MarkdownOutline, lineCount: number): MarkdownRequestRegions {
  const samples = sampleRegions(outline, lineCount);
  const diagnostics: Diagnostic[] = [];
  const fences: MarkdownRequestRegion[] = [];
  let s = 0;
  for (const fence of outline.fences) {
    if (!requestLanguages.has(fence.language)) continue;
    while (s < samples.length && samples[s].to <= fence.open) s++;
    // A fence inside a sample (a ```http wrapper under `#### Request header`) belongs to the sample.
    if (s < samples.length && samples[s].from <= fence.open) continue;
    if (fence.close === -1) diagnostics.push(unterminated(fence, lineCount));
    fences.push({
      kind: 'fence',
      from: fence.open + 1,
      to: fence.close === -1 ? lineCount : fence.close,
      headings: [],
    });
  }
  const regions = [...fences, ...samples].sort((a, b) => a.from - b.from);
  return { regions, diagnostics };
}
