/**
 * Claims as W3C Web Annotations (JSON-LD, pure). The target is the revision text the offsets
 * index into; the page URL is the scope. TextPositionSelector counts Unicode code points, as the
 * Web Annotation model requires and as claim offsets already do.
 */
import type { ClaimContext } from '../provenance.types.js';
import { iri } from './iri.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface AnnotationClaim {
  id: string;
  text: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  checkworthiness: number;
  extractor: string;
  createdAt: Date;
  reviewKind: string | null;
}

export interface AnnotationTarget {
  revisionId: string;
  url: string | null;
  retrievedAt: Date;
}

export function annotation(claim: AnnotationClaim, target: AnnotationTarget) {
  return {
    id: iri.claim(claim.id),
    type: 'Annotation',
    motivation: 'identifying',
    created: claim.createdAt.toISOString(),
    creator: {
      id: `urn:claimtrace:agent:${encodeURIComponent(claim.extractor)}`,
      type: 'Software',
      name: claim.extractor,
    },
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: `checkworthiness ${claim.checkworthiness.toFixed(3)}${claim.reviewKind ? `; reviewed as ${claim.reviewKind}` : ''}`,
      },
    ],
    target: {
      source: iri.revision(target.revisionId),
      ...(target.url ? { scope: target.url } : {}),
      state: { type: 'TimeState', sourceDate: target.retrievedAt.toISOString() },
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: claim.text,
          prefix: claim.prefix,
          suffix: claim.suffix,
        },
        { type: 'TextPositionSelector', start: claim.start, end: claim.end },
      ],
    },
  };
}

/** One claim as a standalone annotation document. */
export function annotationDocument(ctx: ClaimContext) {
  return {
    '@context': ANNOTATION_CONTEXT,
    ...annotation(
      { ...ctx.claim, reviewKind: ctx.review?.kind ?? null },
      { revisionId: ctx.revision.id, url: ctx.source.url, retrievedAt: ctx.revision.retrievedAt },
    ),
  };
}

/** A revision's claims as an AnnotationCollection with all items on its first page. */
export function annotationCollection(
  target: AnnotationTarget & { label: string },
  claims: AnnotationClaim[],
) {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `${iri.revision(target.revisionId)}/annotations`,
    type: 'AnnotationCollection',
    label: target.label,
    total: claims.length,
    first: {
      id: `${iri.revision(target.revisionId)}/annotations/page1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: claims.map((c) => annotation(c, target)),
    },
  };
}
