import type { LineStream } from './body/bodyLines';
import type { QuotaChartShape } from './renderQuotaChart';

/**
 * A tiny, DOM-free description of what the panel shows. The renderer builds it as a pure function
 * (unit-testable in plain Node); `mountViewNode` turns it into DOM with createElement/textContent.
 * Only the tags and attributes listed here can ever be produced.
 */
export type ViewTag =
  | 'div'
  | 'span'
  | 'section'
  | 'header'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'p'
  | 'pre'
  | 'code'
  | 'button'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'ul'
  | 'li'
  | 'img'
  | 'dl'
  | 'dt'
  | 'dd'
  | 'strong'
  | 'details'
  | 'summary';

export type ViewAttribute =
  | 'role'
  | 'aria-selected'
  | 'aria-label'
  | 'aria-expanded'
  | 'data-tab'
  | 'data-action'
  | 'data-mode'
  | 'data-card'
  | 'data-fold'
  | 'data-failure'
  | 'open'
  | 'title'
  | 'alt'
  | 'tabindex';

export interface ViewNode {
  tag: ViewTag;
  className?: string;
  attributes?: Partial<Record<ViewAttribute, string>>;
  /** Set as textContent (never parsed as markup). */
  text?: string;
  children?: ViewNode[];
  /** Width in percent, applied through the CSSOM (allowed by the CSP, unlike a style attribute). */
  widthPercent?: number;
  /** Only on `img`: a `data:image/<whitelisted>;base64,` URI. */
  imageDataUri?: string;
  /** The lines of a large body still to come: mounted into this element in slices after it is shown. */
  stream?: LineStream;
  /** A chart drawn inside this element as inline SVG (the throttling card's recent use). */
  chart?: QuotaChartShape;
}

export const allowedImageUri = /^data:image\/(png|jpeg|gif|webp|bmp|x-icon);base64,[A-Za-z0-9+/=]*$/;

export function h(
  tag: ViewTag,
  className: string | undefined,
  ...children: (ViewNode | string | null | false)[]
): ViewNode {
  const node: ViewNode = { tag };
  if (className) node.className = className;
  const kids: ViewNode[] = [];
  for (const child of children) {
    if (child === null || child === false) continue;
    kids.push(typeof child === 'string' ? { tag: 'span', text: child } : child);
  }
  if (kids.length > 0) node.children = kids;
  return node;
}

export function text(tag: ViewTag, className: string | undefined, value: string): ViewNode {
  return className ? { tag, className, text: value } : { tag, text: value };
}
