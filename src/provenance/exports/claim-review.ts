/**
 * schema.org ClaimReview JSON-LD for a claim a reviewer rated (pure). The 1..5 scale follows the
 * common fact-checking convention (1 false .. 5 true); UNVERIFIABLE has no position on it and
 * carries its name only.
 */
import type { ClaimContext, ClaimVerdict } from '../provenance.types.js';

const RATING: Record<ClaimVerdict, { value: number | null; name: string }> = {
  TRUE: { value: 5, name: 'True' },
  MOSTLY_TRUE: { value: 4, name: 'Mostly true' },
  MIXED: { value: 3, name: 'Mixed' },
  MOSTLY_FALSE: { value: 2, name: 'Mostly false' },
  FALSE: { value: 1, name: 'False' },
  UNVERIFIABLE: { value: null, name: 'Unverifiable' },
};

/** Null when the claim has no verdict (not reviewed, or marked as framing / not check-worthy). */
export function claimReviewDocument(ctx: ClaimContext) {
  const review = ctx.review;
  if (!review?.verdict) return null;
  const rating = RATING[review.verdict];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': `urn:claimtrace:claim-review:${ctx.claim.id}`,
    claimReviewed: ctx.claim.text,
    datePublished: review.reviewedAt.toISOString(),
    author: { '@type': 'Person', name: review.reviewer },
    ...(review.note ? { reviewBody: review.note } : {}),
    reviewRating: {
      '@type': 'Rating',
      alternateName: rating.name,
      ...(rating.value === null
        ? {}
        : { ratingValue: rating.value, bestRating: 5, worstRating: 1 }),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(ctx.publisher ? { author: { '@type': 'Organization', name: ctx.publisher.name } } : {}),
      ...(ctx.source.publishedAt ? { datePublished: ctx.source.publishedAt.toISOString() } : {}),
      appearance: {
        '@type': 'CreativeWork',
        ...(ctx.source.url ? { url: ctx.source.url } : {}),
        ...(ctx.source.title ? { headline: ctx.source.title } : {}),
      },
    },
  };
}
