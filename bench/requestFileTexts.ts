/** Generated request files of a given size for the benchmarks: a `.http` file and a README-like Markdown file. */

/** A `.http` file with `count` requests (signed ones, JSON bodies, variables), REST Client style. */
export function httpFileOf(count: number): string {
  const parts = ['@host = 127.0.0.1:9', ''];
  for (let i = 0; i < count; i++) {
    parts.push(`### Order ${i}`, `# @name order${i}`);
    if (i % 3 === 0) parts.push('# @sign tencent-keypair id=AKIDbench0000');
    parts.push(`POST http://{{host}}/release/orders/${i}`, 'Content-Type: application/json', '', `{"n": ${i}}`, '');
  }
  return parts.join('\n');
}

const prose =
  'The orders service keeps one record per order; this paragraph is here to make the document as long as real API documentation is, with `inline code`, [links](https://example.invalid) and **emphasis**.';

/** One documentation section: prose, a JSON sample, an http block, and every fifth a gateway doc sample. */
function section(i: number): string[] {
  const lines = [`## Endpoint ${i}`, '', prose, prose, '', '```json', `{"id": ${i}, "sku": "A-${i}"}`, '```', ''];
  lines.push('```http', `GET http://127.0.0.1:9/release/orders/${i}`, 'Accept: application/json', '```', '');
  if (i % 5 === 0) {
    lines.push('#### Address', '<pre><code>http://127.0.0.1:9/release', '</code></pre>', '', '#### Method');
    lines.push('<pre><code>POST', '</code></pre>', '', '#### Request headers', '<pre><code>Content-Type: text/plain');
    lines.push('Authorization: hmac id="AKIDbench", algorithm="hmac-sha1", headers="date", signature="x"');
    lines.push('</code></pre>', '', '### Response', prose, '');
  }
  return lines;
}

/** A README-like Markdown file of about `bytes` characters. */
export function markdownOf(bytes: number): string {
  const lines = ['# Orders API', ''];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = section(i);
    size += part.reduce((sum, line) => sum + line.length + 1, 0);
    lines.push(...part);
  }
  return lines.join('\n');
}
