import { useEffect, useState } from 'preact/hooks';
import { gql } from '../api/client';
import { DOCS } from '../api/documents';
import type {
  WorkspaceSourcesQuery,
  WorkspaceSourcesQueryVariables,
  WorkspacesQuery,
} from '../api/generated';

export type Workspaces = WorkspacesQuery['workspaces'];
export type SourceItem = NonNullable<
  WorkspaceSourcesQuery['workspace']
>['sources']['edges'][number]['node'];

/** The workspaces the key can read. */
export function useWorkspaces(keyVersion: number, fail: (e: unknown) => void) {
  const [workspaces, setWorkspaces] = useState<Workspaces | null>(null);
  useEffect(() => {
    gql<WorkspacesQuery>(DOCS.Workspaces).then((d) => setWorkspaces(d.workspaces), fail);
  }, [keyVersion, fail]);
  return workspaces;
}

/** Every source of the workspace (all pages), for the pickers. */
export function useWorkspaceSources(
  workspaceId: string | null,
  keyVersion: number,
  fail: (e: unknown) => void,
) {
  const [sources, setSources] = useState<SourceItem[] | null>(null);
  useEffect(() => {
    if (!workspaceId) return;
    let cancelled = false;
    (async () => {
      const all: SourceItem[] = [];
      let after: string | null = null;
      for (;;) {
        const d: WorkspaceSourcesQuery = await gql<
          WorkspaceSourcesQuery,
          WorkspaceSourcesQueryVariables
        >(DOCS.WorkspaceSources, { id: workspaceId, after });
        const conn = d.workspace?.sources;
        if (!conn) break;
        all.push(...conn.edges.map((e) => e.node));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      if (!cancelled) setSources(all);
    })().catch(fail);
    return () => {
      cancelled = true;
    };
  }, [workspaceId, keyVersion, fail]);
  return sources;
}
