import type { LineStream } from './body/bodyLines';
import { mountQuotaChart } from './mountQuotaChart';
import { allowedImageUri, type ViewNode } from './viewNode';

/**
 * Materialises a view node with createElement/textContent only; no markup is ever parsed. `onStream` is
 * told of each element whose lines are still to come (see body/streamLines).
 */
export function mountViewNode(
  doc: Document,
  node: ViewNode,
  onStream?: (element: HTMLElement, stream: LineStream) => void,
): HTMLElement {
  const element = doc.createElement(node.tag);
  if (node.className) element.className = node.className;
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  if (node.text !== undefined) element.textContent = node.text;
  if (node.widthPercent !== undefined) element.style.width = `${Math.max(0, Math.min(100, node.widthPercent))}%`;
  if (node.tag === 'img' && node.imageDataUri && allowedImageUri.test(node.imageDataUri)) {
    (element as HTMLImageElement).src = node.imageDataUri;
  }
  for (const child of node.children ?? []) element.appendChild(mountViewNode(doc, child, onStream));
  if (node.chart) element.appendChild(mountQuotaChart<Element>(doc, node.chart));
  if (node.stream && onStream) onStream(element, node.stream);
  return element;
}
