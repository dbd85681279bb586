import { allowedImageUri, type ViewNode } from './viewNode';

/** Materialises a view node with createElement/textContent only; no markup is ever parsed. */
export function mountViewNode(doc: Document, node: ViewNode): HTMLElement {
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
  for (const child of node.children ?? []) element.appendChild(mountViewNode(doc, child));
  return element;
}
