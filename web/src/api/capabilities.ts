/**
 * What the running service offers. Review, link history, provenance, coverage and roles are
 * being added by other teams; the page asks the schema instead of assuming, and leaves out what
 * is not there (no review buttons without reviewLink, no coverage panel without coverage).
 */
import { GraphqlError, gql } from './client';

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
export interface FieldInfo {
  name: string;
  type: TypeRef;
  args: { name: string; type: TypeRef }[];
}
export interface TypeInfo {
  name: string;
  kind: string;
  fields: FieldInfo[] | null;
  enumValues: { name: string }[] | null;
}

const INTROSPECT = `query Capabilities { __schema { types { name kind fields {
  name args { name type { ...T } } type { ...T } } enumValues { name } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

export interface Capabilities {
  /** false when introspection is off: features are then tried and dropped on failure. */
  known: boolean;
  reviewLink: boolean;
  createLink: boolean;
  /** Selection set for ClaimLink.history entries, or null. */
  historySelection: string | null;
  /** Selection set for Claim.provenance, or null. */
  provenanceSelection: string | null;
  coverage: { argName: string; query: string; path: string[]; cell: CoverageCellShape } | null;
  /** Selection for the "who am I" query (viewer / me), or null when there is no auth yet. */
  viewer: { field: string; selection: string } | null;
  /** Workspace.myRole (or similar): the caller's role in a workspace. */
  workspaceRoleField: string | null;
}

export const ASSUME_ALL: Capabilities = {
  known: false,
  reviewLink: true,
  createLink: true,
  historySelection: null,
  provenanceSelection: null,
  coverage: null,
  viewer: null,
  workspaceRoleField: null,
};

export const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const LEAF = new Set(['SCALAR', 'ENUM']);

/**
 * The leaf fields of a type plus those of its object fields one level down (an entry's actor,
 * a provenance's revision): enough to show shapes that are not settled yet without guessing
 * their field names. Fields that take required arguments are skipped.
 */
export function selectionFor(types: Map<string, TypeInfo>, typeName: string, depth = 1): string {
  const t = types.get(typeName);
  if (!t?.fields) return '__typename';
  const parts: string[] = [];
  for (const f of t.fields) {
    if (f.args.some((a) => a.type.kind === 'NON_NULL')) continue;
    const n = named(f.type);
    if (LEAF.has(n.kind)) parts.push(f.name);
    else if (
      depth > 0 &&
      n.kind === 'OBJECT' &&
      n.name &&
      !/^(Claim|Source|ClaimLink|Workspace)$/.test(n.name)
    )
      parts.push(`${f.name} { ${selectionFor(types, n.name, depth - 1)} }`);
    else if (depth > 0 && n.kind === 'OBJECT') parts.push(`${f.name} { id }`);
  }
  return parts.length ? parts.join(' ') : '__typename';
}

export async function loadCapabilities(): Promise<Capabilities> {
  let schema: { __schema: { types: TypeInfo[] } };
  try {
    schema = await gql(INTROSPECT);
  } catch (e) {
    if (e instanceof GraphqlError && e.code === 'UNAUTHENTICATED') throw e;
    return ASSUME_ALL;
  }
  const types = new Map(schema.__schema.types.map((t) => [t.name, t]));
  const field = (type: string, name: string) =>
    types.get(type)?.fields?.find((f) => f.name === name);
  const history = field('ClaimLink', 'history');
  const provenance = field('Claim', 'provenance');
  const coverage = field('Query', 'coverage');
  const viewerField = field('Query', 'viewer') ?? field('Query', 'me');
  const coverageArg = coverage?.args.find((a) => /workspace/i.test(a.name));
  return {
    known: true,
    reviewLink: !!field('Mutation', 'reviewLink'),
    createLink: !!field('Mutation', 'createLink'),
    historySelection: history ? selectionFor(types, named(history.type).name!) : null,
    provenanceSelection: provenance
      ? LEAF.has(named(provenance.type).kind)
        ? ''
        : selectionFor(types, named(provenance.type).name!)
      : null,
    coverage: coverage && coverageArg ? coverageShape(types, coverage, coverageArg.name) : null,
    viewer: viewerField
      ? { field: viewerField.name, selection: selectionFor(types, named(viewerField.type).name!) }
      : null,
    workspaceRoleField:
      types.get('Workspace')?.fields?.find((f) => /^(myRole|viewerRole|role)$/.test(f.name))
        ?.name ?? null,
  };
}

/**
 * Whether this key may review. With no viewer/me query the service has no auth yet, and every
 * client may call every mutation: the page then shows the buttons. With one, it looks for a
 * boolean such as canEdit/canReview or a role naming editor, admin or owner.
 */
export async function loadMayEdit(
  caps: Capabilities,
  workspaceId: string | null,
): Promise<boolean> {
  if (!caps.viewer) return true;
  const data = await gql<Record<string, unknown>>(
    `query Viewer { ${caps.viewer.field} { ${caps.viewer.selection} } }`,
  ).catch(() => null);
  const viewer = data?.[caps.viewer.field] as Record<string, unknown> | undefined;
  if (!viewer || typeof viewer !== 'object') return false;
  // Access control off: the viewer has no name, and every caller may do everything.
  if ('name' in viewer && viewer.name == null) return true;
  if (viewer.isAdmin === true) return true;
  if (caps.workspaceRoleField && workspaceId) {
    const ws = await gql<{ workspace: Record<string, unknown> | null }, { id: string }>(
      `query MyRole($id: ID!) { workspace(id: $id) { id ${caps.workspaceRoleField} } }`,
      { id: workspaceId },
    ).catch(() => null);
    const role = ws?.workspace?.[caps.workspaceRoleField];
    if (typeof role === 'string') return /^(OWNER|EDITOR|ADMIN)$/i.test(role);
  }
  return mayEditFrom(viewer);
}

export function mayEditFrom(viewer: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(viewer)) {
    if (/^(canEdit|canReview|mayEdit|editor|canWrite)$/i.test(k) && typeof v === 'boolean')
      return v;
  }
  const roles = Object.entries(viewer)
    .filter(([k]) => /role|scope|permission/i.test(k))
    .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
    .map(String);
  return roles.some((r) => /edit|admin|owner|review|write/i.test(r));
}

export interface CoverageCellShape {
  kind: string;
  publisher: string;
  cluster: string;
  claims: string | null;
}

/**
 * The coverage matrix is being built by another team; rather than guess its field names, find
 * the cells by shape: objects with an enum whose values include OMITS, a publisher, a cluster
 * and (optionally) the claims behind them. Returns null when nothing fits: the panel stays hidden.
 */
export function coverageShape(types: Map<string, TypeInfo>, field: FieldInfo, argName: string) {
  const isCell = (t: TypeInfo | undefined) =>
    t?.fields?.some((f) =>
      types.get(named(f.type).name!)?.enumValues?.some((v) => v.name === 'OMITS'),
    );
  const root = named(field.type).name!;
  let path: string[] = [];
  let cellType = isCell(types.get(root)) ? types.get(root) : undefined;
  if (!cellType) {
    for (const f of types.get(root)?.fields ?? []) {
      const t = types.get(named(f.type).name!);
      if (isCell(t)) {
        path = [f.name];
        cellType = t;
        break;
      }
    }
  }
  if (!cellType?.fields) return null;
  const fields = cellType.fields;
  const kind = fields.find((f) =>
    types.get(named(f.type).name!)?.enumValues?.some((v) => v.name === 'OMITS'),
  );
  const pub = fields.find((f) => /publisher/i.test(f.name));
  const cluster = fields.find((f) => /cluster/i.test(f.name));
  const claims = fields.find(
    (f) => /claims|statements/i.test(f.name) && named(f.type).name === 'Claim',
  );
  if (!kind || !pub || !cluster) return null;
  const sel = (f: FieldInfo) => {
    const t = types.get(named(f.type).name!);
    if (!t?.fields) return f.name;
    const leaf = (re: RegExp) =>
      t.fields!.find((x) => re.test(x.name) && LEAF.has(named(x.type).kind))?.name;
    const label = leaf(/^(name|label|title|summary|text|canonical\w*|key)$/i);
    return `${f.name} { ${[leaf(/^id$/), label].filter(Boolean).join(' ') || '__typename'} }`;
  };
  const cell: CoverageCellShape = {
    kind: kind.name,
    publisher: pub.name,
    cluster: cluster.name,
    claims: claims?.name ?? null,
  };
  const selection = [
    kind.name,
    sel(pub),
    sel(cluster),
    claims ? `${claims.name} { id text source { id title publisher { name } } }` : '',
  ].join(' ');
  const inner = path.length ? `${path[0]} { ${selection} }` : selection;
  return {
    argName,
    path,
    cell,
    query: `query Coverage($ws: ID!) { coverage(${argName}: $ws) { ${inner} } }`,
  };
}
