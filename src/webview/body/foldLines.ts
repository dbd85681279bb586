/** Leading spaces and tabs of a line element's text. */
function indentOf(line: Element): number {
  const text = line.textContent ?? '';
  let at = 0;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/**
 * Folds or unfolds the lines under a fold toggle: every following line indented deeper than the toggle's
 * line (blank lines too), up to the closing line, which stays. A line is hidden while any fold covers it
 * (a count in `data-folds`), so nested folds come back as they were. DOM only; no re-render.
 */
export function toggleFold(toggle: HTMLElement): void {
  const line = toggle.parentElement;
  if (!line) return;
  const indent = Number(toggle.getAttribute('data-fold'));
  const folding = toggle.getAttribute('aria-expanded') !== 'false';
  toggle.setAttribute('aria-expanded', String(!folding));
  toggle.setAttribute('aria-label', folding ? 'Unfold' : 'Fold');
  line.classList.toggle('folded', folding);
  for (
    let next = line.nextElementSibling as HTMLElement | null;
    next;
    next = next.nextElementSibling as HTMLElement | null
  ) {
    if ((next.textContent ?? '').trim() !== '' && indentOf(next) <= indent) break;
    const count = Math.max(0, Number(next.dataset.folds ?? 0) + (folding ? 1 : -1));
    next.dataset.folds = String(count);
    next.hidden = count > 0;
  }
}
