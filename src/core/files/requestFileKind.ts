/** How a request file is read: `.gwhttp`, the ecosystem's `.http`/`.rest`, or Markdown with request blocks. */
export type RequestFileKind = 'gwhttp' | 'http' | 'markdown';

const kindByExtension: ReadonlyMap<string, RequestFileKind> = new Map<string, RequestFileKind>([
  ['.gwhttp', 'gwhttp'],
  ['.http', 'http'],
  ['.rest', 'http'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
]);

/** The kind a file name's extension names (case-insensitive), or null for any other file. */
export function requestFileKind(fileName: string): RequestFileKind | null {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  if (dot <= slash + 1) return null;
  return kindByExtension.get(fileName.slice(dot).toLowerCase()) ?? null;
}

/** True for the files a folder stands for: request files, and Markdown only when asked for. */
export function isFolderRequestFile(fileName: string, includeMarkdown: boolean): boolean {
  const kind = requestFileKind(fileName);
  return kind === 'gwhttp' || kind === 'http' || (kind === 'markdown' && includeMarkdown);
}
