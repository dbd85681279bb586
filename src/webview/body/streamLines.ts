import { mountViewNode } from '../mountViewNode';
import { bodyChunk, type LineStream } from './bodyLines';

/** How long one slice of mounting may take (ms): well under the 50 ms of a long task, layout included. */
export const sliceBudgetMs = 8;
const linesPerStep = 50;

/**
 * Mounts the rest of a body's lines into `target`, a slice at a time between tasks, so a large body never
 * blocks the panel (the first lines are already there, from the renderer). Stops as soon as `isCurrent`
 * says the panel rendered something else. Marks the target `complete` at the end.
 */
export function streamLines(
  doc: Document,
  target: HTMLElement,
  stream: LineStream,
  isCurrent: () => boolean,
  schedule: (step: () => void) => void = (step) => setTimeout(step, 0),
): void {
  let cursor: LineStream['cursor'] | null = stream.cursor;
  const step = (): void => {
    if (!isCurrent()) return;
    const started = performance.now();
    const fragment = doc.createDocumentFragment();
    while (cursor && performance.now() - started < sliceBudgetMs) {
      const chunk = bodyChunk(stream.text, stream.highlight, cursor, linesPerStep, stream.folding);
      for (const node of chunk.nodes) fragment.appendChild(mountViewNode(doc, node));
      cursor = chunk.cursor;
    }
    target.appendChild(fragment);
    if (cursor) schedule(step);
    else target.classList.add('complete');
  };
  schedule(step);
}
