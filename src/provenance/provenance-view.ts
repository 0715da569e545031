/** The GraphQL shape of a claim's provenance, from its context (pure). */
import { attributionChain, type AttributionStep, type ClaimVoice } from './attribution.js';
import { splitMethod, type ClaimContext } from './provenance.types.js';

export interface ProvenanceView {
  sourceId: string;
  publisherId: string | null;
  revisionId: string;
  url: string | null;
  contentHash: string;
  originalHash: string;
  retrievedAt: Date;
  start: number;
  end: number;
  selector: { exact: string; prefix: string; suffix: string };
  extractor: string;
  extractorName: string;
  extractorVersion: string | null;
  extractedAt: Date;
  voice: ClaimVoice;
  attribution: AttributionStep[];
  summary: string;
}

export function provenanceView(ctx: ClaimContext): ProvenanceView {
  const { claim } = ctx;
  const chain = attributionChain(ctx.publisher?.name ?? null, claim.facets.attribution, claim.text);
  const extractor = splitMethod(claim.extractor);
  return {
    sourceId: ctx.source.id,
    publisherId: ctx.publisher?.id ?? null,
    revisionId: ctx.revision.id,
    url: ctx.source.url,
    contentHash: ctx.revision.contentHash,
    originalHash: ctx.revision.originalHash,
    retrievedAt: ctx.revision.retrievedAt,
    start: claim.start,
    end: claim.end,
    selector: { exact: claim.text, prefix: claim.prefix, suffix: claim.suffix },
    extractor: claim.extractor,
    extractorName: extractor.name,
    extractorVersion: extractor.version,
    extractedAt: claim.createdAt,
    voice: chain.voice,
    attribution: chain.steps,
    summary: chain.summary,
  };
}
