/** A file name made from a title: lower case words joined with `-` (`Balance Groups API` → `balance-groups-api`). */
export function fileSlug(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? fallback : slug;
}

/** A `# @name` made from a title (`Create balance group` → `createBalanceGroup`), unique among `taken`. */
export function requestName(title: string, taken: Set<string>): string | null {
  const words = title
    .replace(/^\s*\d+[.)]\s+/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  let base = words
    .map((word, i) => (i === 0 ? word[0].toLowerCase() + word.slice(1) : word[0].toUpperCase() + word.slice(1)))
    .join('');
  if (/^\d/.test(base)) base = `r${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}
