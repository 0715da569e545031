import { useCallback, useEffect, useState } from 'preact/hooks';
import { GraphqlError, gql } from '../api/client';
import type { Capabilities } from '../api/capabilities';
import { DOCS } from '../api/documents';
import type { ClaimDetailQuery, ClaimDetailQueryVariables } from '../api/generated';
import { messageOf } from './useSession';

export type Detail = NonNullable<ClaimDetailQuery['claim']> & { provenance?: unknown };

/** The selected claim's details: every link (also to other sources) and its provenance. */
export function useClaimDetail(
  selectedId: string | null,
  caps: Capabilities | null,
  keyVersion: number,
) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [detailTick, setDetailTick] = useState(0);
  useEffect(() => {
    setDetail(null);
    setDetailError(null);
    if (!selectedId || !caps) return;
    let doc = DOCS.ClaimDetail;
    if (caps.provenanceSelection != null)
      doc = doc.replace(
        /\bextractor\b/,
        `extractor provenance ${caps.provenanceSelection ? `{ ${caps.provenanceSelection} }` : ''}`,
      );
    let cancelled = false;
    gql<ClaimDetailQuery, ClaimDetailQueryVariables>(doc, { id: selectedId })
      .then((d) => !cancelled && setDetail(d.claim as Detail))
      .catch((e) => !cancelled && setDetailError(`Could not load the details: ${messageOf(e)}`));
    return () => {
      cancelled = true;
    };
  }, [selectedId, caps, detailTick, keyVersion]);
  return { detail, detailError, reloadDetail: () => setDetailTick((t) => t + 1) };
}

/** The open link's history, when the schema has it; loaded again after a review. */
export function useLinkHistory(caps: Capabilities | null, activeLinkId: string | null) {
  const [histories, setHistories] = useState<Map<string, Record<string, unknown>[]>>(new Map());
  const loadHistory = useCallback(
    async (linkId: string) => {
      if (!caps?.historySelection) return;
      // A field the server fails to resolve (an error with a path into an entry) is dropped and
      // the query retried, so one broken column does not hide the whole history.
      let fields = caps.historySelection.split(' ').filter(Boolean);
      for (let attempt = 0; attempt < 3 && fields.length; attempt++) {
        try {
          const d = await gql<
            { link: { history: Record<string, unknown>[] } | null },
            { id: string }
          >(
            `query LinkHistory($id: ID!) { link(id: $id) { id history { ${fields.join(' ')} } } }`,
            { id: linkId },
          );
          if (d.link) setHistories((h) => new Map(h).set(linkId, d.link!.history));
          return;
        } catch (e) {
          const bad = new Set(
            e instanceof GraphqlError
              ? e.errors
                  .map((x) => (x as { path?: unknown[] }).path?.at(-1))
                  .filter((x) => typeof x === 'string')
              : [],
          );
          if (!bad.size) return;
          fields = fields.filter((f) => !bad.has(f));
        }
      }
    },
    [caps],
  );
  useEffect(() => {
    if (activeLinkId) void loadHistory(activeLinkId);
  }, [activeLinkId, loadHistory]);
  return { histories, loadHistory };
}
