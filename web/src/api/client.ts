/**
 * The page is an ordinary API client: POST /graphql with the key the user pasted, nothing else.
 * Documents are the .graphql files next to this one (imported as text); their result and
 * variable types are generated from ../schema.gql (npm run codegen).
 */
export const KEY_STORAGE = 'claimtrace-api-key'; // shared with /explorer

export function getApiKey(): string | null {
  try {
    return localStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function setApiKey(key: string | null) {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

export interface GqlErrorItem {
  message: string;
  extensions?: { code?: string };
}

export class GraphqlError extends Error {
  constructor(
    readonly errors: GqlErrorItem[],
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
  }
  get code() {
    return (
      this.errors[0]?.extensions?.code ?? (this.status === 401 ? 'UNAUTHENTICATED' : undefined)
    );
  }
  /** The document names a field the server does not have: the feature is not deployed. */
  get unknownField() {
    return this.errors.some((e) =>
      /Cannot query field|Unknown type|Unknown argument/.test(e.message),
    );
  }
}

export const ENDPOINT = '/graphql';

export async function gql<TData, TVars = Record<string, never>>(
  document: string,
  variables?: TVars,
  signal?: AbortSignal,
): Promise<TData> {
  const key = getApiKey();
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query: document, variables }),
    signal,
  });
  let body: { data?: TData; errors?: GqlErrorItem[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphqlError([{ message: `The API answered HTTP ${res.status}` }], res.status);
  }
  if (body.errors?.length) throw new GraphqlError(body.errors, res.status);
  if (!res.ok || !body.data) throw new GraphqlError([], res.status);
  return body.data;
}

/**
 * Every operation of a .graphql file, by name. The files are imported whole, so an operation
 * is sent with the fragments it uses (unused fragments would fail validation).
 */
export function operation(source: string, name: string): string {
  const defs = splitDefinitions(source);
  const main = defs.find((d) => d.name === name && d.kind !== 'fragment');
  if (!main) throw new Error(`no operation ${name}`);
  const fragments = new Map(
    defs.filter((d) => d.kind === 'fragment').map((d) => [d.name, d.text] as const),
  );
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const m of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
      if (fragments.has(m[1]) && !needed.has(m[1])) {
        needed.add(m[1]);
        visit(fragments.get(m[1])!);
      }
    }
  };
  visit(main.text);
  return [main.text, ...[...needed].map((n) => fragments.get(n)!)].join('\n');
}

function splitDefinitions(source: string) {
  const clean = source.replace(/#[^\n]*/g, '');
  const out: { kind: string; name: string; text: string }[] = [];
  const re = /\b(query|mutation|fragment)\s+([A-Za-z_]\w*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) {
    let depth = 0;
    let i = clean.indexOf('{', m.index);
    const begin = m.index;
    for (; i < clean.length; i++) {
      if (clean[i] === '{') depth++;
      else if (clean[i] === '}' && --depth === 0) break;
    }
    out.push({ kind: m[1], name: m[2], text: clean.slice(begin, i + 1) });
    re.lastIndex = i + 1;
  }
  return out;
}
