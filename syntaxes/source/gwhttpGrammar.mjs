// The readable source of syntaxes/gwhttp.tmLanguage.json (the JSON is what ships; regenerate it with
// `node syntaxes/source/buildGrammar.mjs`). Regular expressions are Oniguruma syntax, as TextMate wants.
//
// Shape of the grammar (spec: /work/shared/spec/gwhttp-format.md):
//   top level   separators `###`, block headings, directives, comments, file variables, request lines
//   request     a request line opens a region that lasts until the next separator (a `while` rule, so an
//               unbalanced JSON body can never swallow the next request): continuation lines, headers,
//               comments, then from the first blank line the body (JSON / XML embedded, `< file`)
//   blocks      `#### Address|URL|Method|Request body|Body|Request header|Headers` open a block that lasts
//               until the next heading or separator; `<pre><code>` wrappers and `//` notes inside them

const METHODS = 'GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE|CONNECT';
const HTTP_VERSION = '(HTTP/\\d+(?:\\.\\d+)?)';
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/**
 * What a request target starts with after a method: a scheme, `/`, `*`, `{{`, a dotted host, a
 * `host:port` or a relative `path/`. Prose such as "Get the list" is therefore not a request line.
 * The target itself may hold spaces (`?orderby=Name asc`), as REST Client allows.
 */
const TARGET_START = '[A-Za-z][\\w+.-]*://|[/*]|\\{\\{|[\\w-]+(?:\\.[\\w-]+)+|localhost\\b|[\\w.-]+:\\d|[\\w.-]+/';

const BLOCK_NAMES = {
  address: '(?i:address(?:es)?|urls?)',
  method: '(?i:methods?)',
  body: '(?i:(?:request\\s+)?bod(?:y|ies))',
  headers: '(?i:(?:request\\s+)?headers?)',
};
const ANY_BLOCK_NAME = `(?:${Object.values(BLOCK_NAMES).join('|')})`;

/** Lookaheads that end a request region: a separator (`###`, `#### …`) or a request block heading. */
const NOT_SEPARATOR = `(?!\\s*#{3,}(?:\\s|$))(?!\\s*#{2,6}\\s+${ANY_BLOCK_NAME}\\s*$)`;
/** A block lasts until the next heading of any kind or separator. */
const NOT_HEADING = '(?!\\s*#{2,}(?:\\s|$))';
/** Optional `<pre><code>` prefix on a block content line; captures 1 and 2. */
const WRAPPER_PREFIX = '(?:(<pre>)\\s*)?(?:(<code>)\\s*)?';

const variableCaptures = { patterns: [{ include: '#variable' }] };
const wrapperCapture = { patterns: [{ include: '#wrapper-tag' }] };

function blockRule(kind, patterns) {
  return {
    name: `meta.block.${kind}.gwhttp`,
    begin: `^\\s*(#{2,6})\\s+(${BLOCK_NAMES[kind]})\\s*$`,
    beginCaptures: {
      0: { name: 'markup.heading.block.gwhttp' },
      1: { name: 'punctuation.definition.heading.gwhttp' },
      2: { name: 'entity.name.section.block.gwhttp' },
    },
    while: `^${NOT_HEADING}`,
    patterns,
  };
}

function embeddedRule(language, scope, startLookahead, prefix, whileCondition) {
  return {
    begin: `^\\s*${prefix}(?=${startLookahead})`,
    beginCaptures: prefix ? { 1: wrapperCapture, 2: wrapperCapture } : undefined,
    while: `^${whileCondition}`,
    contentName: `meta.embedded.block.${language}`,
    patterns: [{ include: scope }],
  };
}

const JSON_START = '[\\[{]';
/** An httpYac `?? …` assertion line ends an embedded body (it checks the response, it is not sent). */
const NOT_ASSERTION = '(?!\\s*\\?\\?)';
const ASSERTION_PREDICATES = '==|!=|>=|<=|>|<|equals|notEquals|gte|lte|gt|lt|includes|contains|startsWith|endsWith|matches|exists|isString|isNumber|isBoolean|isArray|isFalse|md5|sha256|sha512';
const XML_START = '<(?!/?(?:pre|code)>)(?:\\?xml|!|[A-Za-z_])';

const directiveStart = '^\\s*(#|//)\\s*';
const directiveCommon = { 1: { name: 'punctuation.definition.comment.gwhttp' }, 2: { name: 'keyword.other.directive.gwhttp' } };

export const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'GW HTTP',
  scopeName: 'source.gwhttp',
  fileTypes: ['gwhttp'],
  patterns: [
    { include: '#separator' },
    { include: '#block-address' },
    { include: '#block-method' },
    { include: '#block-body' },
    { include: '#block-headers' },
    { include: '#directive' },
    { include: '#comment' },
    { include: '#file-variable' },
    { include: '#request' },
    { include: '#wrapper-tag' },
    { include: '#variable' },
  ],
  injections: {
    // `{{variables}}` stay highlighted inside embedded JSON and XML bodies, even inside their strings.
    'L:meta.embedded.block.json, L:meta.embedded.block.xml': { patterns: [{ include: '#variable' }] },
  },
  repository: {
    separator: {
      patterns: [
        {
          name: 'meta.separator.gwhttp',
          match: '^\\s*(###)(?!#)(?:\\s+(.*?))?\\s*$',
          captures: { 1: { name: 'keyword.other.separator.gwhttp' }, 2: { name: 'entity.name.section.request-title.gwhttp' } },
        },
        { name: 'meta.separator.gwhttp', match: '^\\s*(#{4,})\\s*$', captures: { 1: { name: 'keyword.other.separator.gwhttp' } } },
      ],
    },
    directive: {
      patterns: [
        {
          name: 'meta.directive.name.gwhttp',
          match: `${directiveStart}(@name)(?=\\s|=|$)\\s*=?\\s*(\\S+)?.*$`,
          captures: { ...directiveCommon, 3: { name: 'entity.name.function.request-name.gwhttp' } },
        },
        {
          name: 'meta.directive.sign.gwhttp',
          match: `${directiveStart}(@sign)(?=\\s|$)\\s*([\\w.-]+)?(.*)$`,
          captures: {
            ...directiveCommon,
            3: { name: 'support.constant.sign-scheme.gwhttp' },
            4: { patterns: [{ include: '#sign-option' }, { include: '#variable' }] },
          },
        },
        {
          name: 'meta.directive.gwhttp',
          match: `${directiveStart}(@[A-Za-z][\\w-]*)(?=\\s|$)\\s*(.*?)\\s*$`,
          captures: { ...directiveCommon, 3: { name: 'string.unquoted.directive-value.gwhttp', ...variableCaptures } },
        },
      ],
    },
    'sign-option': {
      match: '([A-Za-z][\\w-]*)(=)("[^"]*"|[^\\s"]*)',
      captures: {
        1: { name: 'variable.parameter.sign-option.gwhttp' },
        2: { name: 'keyword.operator.assignment.gwhttp' },
        3: { name: 'string.unquoted.sign-option-value.gwhttp', ...variableCaptures },
      },
    },
    comment: {
      patterns: [
        {
          name: 'comment.line.number-sign.gwhttp',
          match: '^\\s*(#).*$',
          captures: { 1: { name: 'punctuation.definition.comment.gwhttp' } },
        },
        {
          name: 'comment.line.double-slash.gwhttp',
          match: '^\\s*(//).*$',
          captures: { 1: { name: 'punctuation.definition.comment.gwhttp' } },
        },
      ],
    },
    'file-variable': {
      name: 'meta.variable.definition.gwhttp',
      match: '^\\s*(@)([A-Za-z_$][\\w.$-]*)\\s*(=)\\s*(.*?)\\s*$',
      captures: {
        1: { name: 'punctuation.definition.variable.gwhttp' },
        2: { name: 'variable.other.definition.gwhttp' },
        3: { name: 'keyword.operator.assignment.gwhttp' },
        4: { name: 'string.unquoted.variable-value.gwhttp', ...variableCaptures },
      },
    },
    request: {
      name: 'meta.request.gwhttp',
      begin:
        `^\\s*(?:(?i:(${METHODS}))\\s+(?=${TARGET_START})|(?=(?i:https?://)|\\{\\{))(.+?)(?:\\s+${HTTP_VERSION})?\\s*$`,
      beginCaptures: {
        0: { name: 'meta.request-line.gwhttp' },
        1: { name: 'keyword.other.method.gwhttp' },
        2: { name: 'string.unquoted.url.gwhttp', ...variableCaptures },
        3: { name: 'constant.other.http-version.gwhttp' },
      },
      while: `^${NOT_SEPARATOR}`,
      patterns: [
        { include: '#assertion' },
        { include: '#request-body' },
        { include: '#continuation-line' },
        { include: '#comment' },
        { include: '#header' },
        { include: '#variable' },
      ],
    },
    assertion: {
      name: 'meta.assertion.gwhttp',
      match: `^\\s*(\\?\\?)\\s*(\\S+)(?:\\s+(.*?))??(?:\\s+(${ASSERTION_PREDICATES})(?=\\s|$)(?:\\s+(.*?))?)?\\s*$`,
      captures: {
        1: { name: 'keyword.control.assertion.gwhttp' },
        2: { name: 'variable.language.assertion-subject.gwhttp' },
        3: { name: 'string.unquoted.assertion-argument.gwhttp', ...variableCaptures },
        4: { name: 'keyword.operator.assertion-predicate.gwhttp' },
        5: { name: 'string.unquoted.assertion-value.gwhttp', ...variableCaptures },
      },
    },
    'continuation-line': {
      name: 'string.unquoted.url.gwhttp',
      match: '^\\s*([?&])(.*)$',
      captures: { 1: { name: 'punctuation.separator.continuation.gwhttp' }, 2: variableCaptures },
    },
    header: {
      name: 'meta.header.gwhttp',
      match: `^\\s*(${TOKEN})\\s*(:)\\s*(.*?)\\s*$`,
      captures: {
        1: { name: 'support.type.property-name.header.gwhttp' },
        2: { name: 'punctuation.separator.key-value.gwhttp' },
        3: { name: 'string.unquoted.header-value.gwhttp', ...variableCaptures },
      },
    },
    'request-body': {
      name: 'meta.body.gwhttp',
      begin: '^\\s*$',
      while: `^${NOT_SEPARATOR}`,
      patterns: [
        embeddedRule('json', 'source.json', JSON_START, '', `${NOT_SEPARATOR}${NOT_ASSERTION}(?!--\\S)`),
        embeddedRule('xml', 'text.xml', XML_START, '', `${NOT_SEPARATOR}${NOT_ASSERTION}(?!--\\S)`),
        { include: '#assertion' },
        { include: '#file-reference' },
        { include: '#variable' },
      ],
    },
    'file-reference': {
      name: 'meta.file-reference.gwhttp',
      match: '^\\s*(<@?)(\\w*)\\s+(\\S.*?)\\s*$',
      captures: {
        1: { name: 'keyword.operator.file-reference.gwhttp' },
        2: { name: 'constant.other.encoding.gwhttp' },
        3: { name: 'string.unquoted.file-path.gwhttp', ...variableCaptures },
      },
    },
    'block-address': blockRule('address', [
      { include: '#block-note' },
      { include: '#wrapper-tag' },
      {
        match: '(?:(?i:https?://)|\\{\\{)(?:(?!</code>)\\S)*',
        captures: { 0: { name: 'string.unquoted.url.gwhttp', ...variableCaptures } },
      },
    ]),
    'block-method': blockRule('method', [
      { include: '#block-note' },
      { include: '#wrapper-tag' },
      { name: 'keyword.other.method.gwhttp', match: `\\b(?i:${METHODS})\\b` },
    ]),
    'block-body': blockRule('body', [
      embeddedRule('json', 'source.json', JSON_START, WRAPPER_PREFIX, `${NOT_HEADING}(?!\\s*</code>)`),
      embeddedRule('xml', 'text.xml', XML_START, WRAPPER_PREFIX, `${NOT_HEADING}(?!\\s*</code>)`),
      { include: '#block-note' },
      { include: '#wrapper-tag' },
      { include: '#variable' },
    ]),
    'block-headers': blockRule('headers', [
      { include: '#block-note' },
      {
        name: 'meta.header.gwhttp',
        match: `^\\s*${WRAPPER_PREFIX}(${TOKEN})\\s*(:)[ \\t]*((?:(?!</code>).)*?)\\s*(?=</code>|$)`,
        captures: {
          1: wrapperCapture,
          2: wrapperCapture,
          3: { name: 'support.type.property-name.header.gwhttp' },
          4: { name: 'punctuation.separator.key-value.gwhttp' },
          5: { name: 'string.unquoted.header-value.gwhttp', ...variableCaptures },
        },
      },
      { include: '#wrapper-tag' },
    ]),
    'block-note': {
      name: 'comment.line.double-slash.gwhttp',
      match: '^\\s*(//).*$',
      captures: { 1: { name: 'punctuation.definition.comment.gwhttp' } },
    },
    'wrapper-tag': {
      name: 'meta.tag.wrapper.gwhttp',
      match: '(</?)(pre|code)(>)',
      captures: {
        1: { name: 'punctuation.definition.tag.begin.gwhttp' },
        2: { name: 'entity.name.tag.gwhttp' },
        3: { name: 'punctuation.definition.tag.end.gwhttp' },
      },
    },
    variable: {
      patterns: [
        {
          name: 'meta.variable.system.gwhttp',
          match: '(\\{\\{)\\s*(\\$[A-Za-z]\\w*)([^}]*?)\\s*(\\}\\})',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.gwhttp' },
            2: { name: 'support.function.system-variable.gwhttp' },
            3: { name: 'variable.parameter.system-variable-argument.gwhttp' },
            4: { name: 'punctuation.definition.variable.end.gwhttp' },
          },
        },
        {
          name: 'meta.variable.chain.gwhttp',
          match: '(\\{\\{)\\s*([A-Za-z_][\\w-]*)(\\.)(response|request)(\\.)(body|headers)((?:(?!\\}\\}).)*?)\\s*(\\}\\})',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.gwhttp' },
            2: { name: 'variable.other.request-name.gwhttp' },
            3: { name: 'punctuation.accessor.gwhttp' },
            4: { name: 'keyword.other.chain-part.gwhttp' },
            5: { name: 'punctuation.accessor.gwhttp' },
            6: { name: 'keyword.other.chain-part.gwhttp' },
            7: { name: 'string.unquoted.chain-path.gwhttp' },
            8: { name: 'punctuation.definition.variable.end.gwhttp' },
          },
        },
        {
          name: 'meta.variable.gwhttp',
          match: '(\\{\\{)\\s*([^{}\\s]+)\\s*(\\}\\})',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.gwhttp' },
            2: { name: 'variable.other.gwhttp' },
            3: { name: 'punctuation.definition.variable.end.gwhttp' },
          },
        },
      ],
    },
  },
};
