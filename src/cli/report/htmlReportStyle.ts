/** The HTML report's one style sheet (allowed by its hash in the page's CSP); light and dark by the viewer's scheme. */
export const htmlReportStyle = [
  ':root{color-scheme:light dark;--ok:#1a7f37;--bad:#cf222e;--muted:#6e7781;--line:#d0d7de}',
  '@media (prefers-color-scheme:dark){:root{--ok:#3fb950;--bad:#f85149;--muted:#8b949e;--line:#30363d}}',
  'body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:1200px}',
  'header{border-left:6px solid var(--ok);padding:4px 12px;margin-bottom:16px}',
  'header.failed{border-left-color:var(--bad)}',
  'h1{font-size:20px;margin:0}h2{font-size:15px;font-family:ui-monospace,monospace;margin:20px 0 6px}',
  'header p,.where,.hint{color:var(--muted)}',
  'table{border-collapse:collapse;width:100%;table-layout:fixed}',
  '.c-mark{width:2em}.c-status{width:11em}.c-time{width:6em}.c-checks{width:5em}.c-quota{width:24em}',
  'th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}',
  'td{overflow-wrap:anywhere}.where{font-size:12px;font-family:ui-monospace,monospace}',
  'tr.passed .mark,li.passed{color:var(--ok)}tr.failed .mark,li.failed,.error{color:var(--bad)}',
  '.fig{white-space:nowrap}.quota{font-size:12px}.details td{border-bottom:1px solid var(--line)}',
  'ul{margin:4px 0;padding-left:18px}li div{color:var(--muted)}.warning{color:#9a6700}',
  'summary{cursor:pointer;font-weight:600}',
].join('\n');
