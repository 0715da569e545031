import { useState } from 'preact/hooks';
import { GraphqlError, gql } from '../api/client';
import type { Capabilities } from '../api/capabilities';
import { DOCS } from '../api/documents';
import type {
  CreateLinkMutation,
  CreateLinkMutationVariables,
  LinkRelation,
  ReviewLinkMutation,
  ReviewLinkMutationVariables,
} from '../api/generated';
import type { CardLink } from '../components/LinkCard';
import type { Claim, ComparisonView, Pair } from '../lib/model';
import { RELATIONS } from '../lib/relations';
import { messageOf } from './useSession';

type Setter<T> = (update: (old: T) => T) => void;

/**
 * Review actions on the open comparison: confirm or reject a link, draw a new one. Results show
 * at once (as overrides and added links); a service without review, or a key that may only
 * read, turns the buttons off with a word in the status line.
 */
export function useReview(p: {
  caps: Capabilities | null;
  setCaps: Setter<Capabilities | null>;
  mayEdit: boolean;
  setMayEdit: (v: boolean) => void;
  view: ComparisonView | null;
  selectedClaim: Claim | null;
  setStatus: (s: string) => void;
  setOverrides: Setter<Map<string, Partial<CardLink>>>;
  setAdded: Setter<Pair[]>;
  setActiveLinkId: (id: string | null) => void;
  reloadDetail: () => void;
  loadHistory: (linkId: string) => Promise<void>;
}) {
  const { caps, mayEdit, view, setStatus } = p;
  const canReview = !!caps?.reviewLink && mayEdit;
  const canCreate = !!caps?.createLink && mayEdit && !!view;
  const [busyLinkId, setBusyLinkId] = useState<string | null>(null);
  const reviewFailed = (e: unknown, what: 'reviewLink' | 'createLink') => {
    if (e instanceof GraphqlError && e.unknownField) {
      // The service does not have review yet (introspection was off): drop the buttons.
      p.setCaps((c) => (c ? { ...c, [what]: false } : c));
      setStatus('This service does not offer link review yet.');
    } else if (e instanceof GraphqlError && e.code === 'FORBIDDEN') {
      p.setMayEdit(false);
      setStatus('Your key may read but not review.');
    } else setStatus(`Review failed: ${messageOf(e)}`);
  };
  const onReview = async (linkId: string, decision: 'CONFIRM' | 'REJECT', note: string) => {
    setBusyLinkId(linkId);
    try {
      const d = await gql<ReviewLinkMutation, ReviewLinkMutationVariables>(DOCS.ReviewLink, {
        input: { linkId, decision, note: note.trim() || null },
      });
      const l = d.reviewLink;
      p.setOverrides((o) =>
        new Map(o).set(linkId, {
          status: l.status,
          relation: l.relation,
          confidence: l.confidence,
          method: l.method,
          origin: l.origin,
          updatedAt: l.updatedAt,
          signals: l.signals,
        }),
      );
      setStatus(decision === 'CONFIRM' ? 'Link confirmed.' : 'Link rejected.');
      void p.loadHistory(linkId);
    } catch (e) {
      reviewFailed(e, 'reviewLink');
    } finally {
      setBusyLinkId(null);
    }
  };
  const onCreate = async (evidenceClaimId: string, relation: LinkRelation, note: string) => {
    if (!p.selectedClaim || !view) return false;
    try {
      const d = await gql<CreateLinkMutation, CreateLinkMutationVariables>(DOCS.CreateLink, {
        input: {
          claimId: p.selectedClaim.id,
          evidenceClaimId,
          relation,
          note: note.trim() || null,
        },
      });
      const l = d.createLink;
      const leftClaim = l.claim.source.id === view.left.id ? l.claim : l.evidence;
      const rightClaim = l.claim.source.id === view.left.id ? l.evidence : l.claim;
      p.setAdded((a) => [...a, { left: leftClaim, right: rightClaim, link: l }]);
      p.setActiveLinkId(l.id);
      p.reloadDetail();
      setStatus(`${RELATIONS[relation].label} link created.`);
      return true;
    } catch (e) {
      reviewFailed(e, 'createLink');
      return false;
    }
  };
  return { canReview, canCreate, busyLinkId, onReview, onCreate };
}
