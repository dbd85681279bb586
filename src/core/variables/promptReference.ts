/**
 * httpYac's prompt variables: `{{$input Label}}`, `{{$password Label}}` (typed masked),
 * `{{$input Label $value: default}}`, `{{$pick Label $value: a,b,c}}` and the short `{{$pick a|b|c}}`;
 * `-askonce` variants (`{{$input-askonce Label}}`) mean the same here, as answers are remembered anyway.
 */

export interface PromptReference {
  kind: 'input' | 'pick';
  /** What the user is shown; empty for `{{$pick a|b|c}}` (the options say it). */
  label: string;
  /** `$password`: typed without echo, the answer masked in every output. */
  password: boolean;
  defaultValue?: string;
  /** `$pick`: the choices, in order. */
  options: string[];
}

type PromptKind = Pick<PromptReference, 'kind' | 'password'>;

const baseKinds: Record<string, PromptKind> = {
  $input: { kind: 'input', password: false },
  $prompt: { kind: 'input', password: false },
  $password: { kind: 'input', password: true },
  $pick: { kind: 'pick', password: false },
};

const kinds: ReadonlyMap<string, PromptKind> = new Map(
  Object.entries(baseKinds).flatMap(([name, kind]) => [
    [name, kind],
    [`${name}-askonce`, kind],
  ]),
);

/** True for `$input`, `$password`, `$pick` (and `$prompt`, the `-askonce` variants). */
export function isPromptVariable(name: string): boolean {
  return kinds.has(name);
}

/** What `{{NAME args…}}` asks for, or a problem (a string) when it is malformed. */
export function parsePromptReference(name: string, args: readonly string[]): PromptReference | string {
  const kind = kinds.get(name);
  if (!kind) return `${name} is not a prompt variable`;
  const text = args.join(' ');
  const marker = text.indexOf('$value:');
  const label = unquote((marker >= 0 ? text.slice(0, marker) : text).trim());
  const value = marker >= 0 ? text.slice(marker + '$value:'.length).trim() : undefined;
  if (kind.kind === 'input') {
    if (label === '') return `needs a label, e.g. {{${name} Order id}}`;
    return { ...kind, label, options: [], ...(value !== undefined && value !== '' ? { defaultValue: value } : {}) };
  }
  const options = value !== undefined ? splitOptions(value, ',') : label.includes('|') ? splitOptions(label, '|') : [];
  if (options.length === 0) return `needs options: {{$pick a|b|c}} or {{$pick Label $value: a,b,c}}`;
  return { ...kind, label: value !== undefined ? label : '', options };
}

function splitOptions(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((option) => unquote(option.trim()))
    .filter((option) => option !== '');
}

function unquote(text: string): string {
  return /^(["']).*\1$/s.test(text) && text.length >= 2 ? text.slice(1, -1) : text;
}

/** Completion and hover help for the prompt variables. */
export const promptVariableHelp: readonly { name: string; usage: string; description: string }[] = [
  {
    name: '$input',
    usage: '$input Label [$value: default]',
    description:
      'asks for a value when the request is sent (an input box in VS Code; the terminal, or --var, in the CLI)',
  },
  {
    name: '$password',
    usage: '$password Label',
    description: 'asks for a secret when the request is sent: typed masked, and masked in every output',
  },
  {
    name: '$pick',
    usage: '$pick a|b|c  or  $pick Label $value: a,b,c',
    description: 'asks to pick one of the options when the request is sent',
  },
];
