/**
 * The corpus requests written in one dialect's own syntax, which the others read differently
 * (anchors.md §3), by corpus file and the line of their request line: only these may get an error.
 */
export const dialectSpecificRequests: Record<string, { requests: number[]; why: string }> = {
  'http/27-httpyac--httpyac.github.io--multipartFormData.http': {
    requests: [24],
    why: 'httpYac: the body (`<@ file`) starts without the blank line after the headers',
  },
  'http/28-httpyac--httpyac.github.io--graphql.http': {
    requests: [2],
    why: 'httpYac: a GraphQL query body without the blank line after the headers',
  },
  'http/29-mistweaverco--kulala.nvim--advanced.http': {
    requests: [99],
    why: 'kulala: `run #Request` lines that run other requests',
  },
  'http/43-Zjyslav--AspWebApiHttpyacTestsDemo--AspWebApiHttpyacTestsDemo.Api.http': {
    requests: [12],
    why: 'httpYac: a JSON body without the blank line after the headers',
  },
  'http2/03-AnWeber--httpyac--multipartFormData.http': {
    requests: [25],
    why: 'httpYac: the body (`<@ file`) starts without the blank line after the headers',
  },
  'http2/05-AnWeber--vscode-httpyac--elasticsearc.http': {
    requests: [1],
    why: 'httpYac: a `{{ … }}` JavaScript block before the request line',
  },
  'http2/25-SAP-samples--cloud-cap-samples-java--chapter-batch-req-v2.http': {
    requests: [2, 14],
    why: 'REST Client: a pasted `curl …` command as the request',
  },
  'http2/29-SAP-samples--cloud-cap-samples--requests.http': {
    requests: [7, 13, 19, 82, 91],
    why: 'REST Client: a `{{me}}` line whose variable holds a whole header (`Authorization: Basic …`)',
  },
  'http2/46-alekdavis--httpyac-extras--demo-5-Asserts-Basic.http': {
    requests: [5, 31, 45],
    why: 'httpYac: JSON bodies without the blank line after the headers',
  },
  'http2/47-alekdavis--httpyac-extras--sample-CRUD.http': {
    requests: [19, 35, 66, 92],
    why: 'httpYac: `{{ … }}` JavaScript blocks, implicit request splits and bodies without the blank line',
  },
  'http2/48-alekdavis--httpyac-extras--demo-2-Conditional-Basic.http': {
    requests: [5, 12, 21, 30, 39, 48, 57],
    why: 'httpYac: `{{ … }}` JavaScript blocks and implicit request splits',
  },
  'http2/50-alekdavis--httpyac-extras--demo-6-DefaultHeaders.http': {
    requests: [3, 14],
    why: 'httpYac: a `{{ … }}` JavaScript block and a `...defaultHeaders` header spread',
  },
};
