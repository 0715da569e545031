import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { badInput } from '../common/errors.js';
import { ClaimRepository, type ClaimRow } from '../claims/claim.repository.js';
import { SourceService } from '../sources/source.service.js';
import { LinkRepository } from './link.repository.js';
import { viewFrom, type LinkView } from './link-view.js';
import { aggregateStance, effectiveMinConfidence } from './relation/stance.js';
import type { Relation } from './relation/types.js';

export interface ComparisonPair {
  left: ClaimRow;
  right: ClaimRow;
  link: LinkView;
}

export interface Comparison {
  leftId: string;
  rightId: string;
  stance: Relation | null;
  /** The highest confidence among the links of the stance's relation; null without a stance. */
  stanceConfidence: number | null;
  /** How many stored links (every confidence, rejected ones left out) the stance was read from. */
  stanceLinks: number;
  /** The confidence threshold applied to the listed machine links (not to the stance). */
  minConfidence: number;
  corroborated: ComparisonPair[];
  contradicted: ComparisonPair[];
  discussed: ComparisonPair[];
  /** Pairs where a reviewer marked a side as framing: compared as wording, never as true/false. */
  framing: ComparisonPair[];
  onlyInLeft: ClaimRow[];
  onlyInRight: ClaimRow[];
}

/**
 * Reads two sources side by side from their stored claim links, like a diff of two narratives.
 * The document-level stance is aggregated from the same links the researcher sees.
 */
@Injectable()
export class ComparisonService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourceService,
    private readonly claims: ClaimRepository,
    private readonly links: LinkRepository,
  ) {}

  async compare(
    leftId: string,
    rightId: string,
    minConfidence?: number | null,
  ): Promise<Comparison> {
    const min = effectiveMinConfidence(minConfidence);
    const [left, right] = await Promise.all([this.sources.get(leftId), this.sources.get(rightId)]);
    if (left.workspaceId !== right.workspaceId)
      throw badInput('compareSources takes two sources of the same workspace');
    if (left.id === right.id) throw badInput('compareSources takes two different sources');
    const [leftClaims, rightClaims, rows] = await Promise.all([
      left.currentRevisionId ? this.claims.listForRevision(left.currentRevisionId) : [],
      right.currentRevisionId ? this.claims.listForRevision(right.currentRevisionId) : [],
      this.links.betweenSources(left.id, right.id),
    ]);
    const leftById = new Map(leftClaims.map((c) => [c.id, c]));
    const rightById = new Map(rightClaims.map((c) => [c.id, c]));
    // Every stored link the reviewers did not reject; the display threshold only decides which
    // of them are listed.
    const stored: ComparisonPair[] = [];
    for (const row of rows) {
      if (row.status === 'REJECTED') continue;
      const leftClaimId = leftById.has(row.aId) ? row.aId : row.bId;
      const l = leftById.get(leftClaimId);
      const r = rightById.get(leftClaimId === row.aId ? row.bId : row.aId);
      if (l && r) stored.push({ left: l, right: r, link: viewFrom(row, leftClaimId) });
    }
    // Below the display threshold a machine link is not listed (and its claims count as
    // unlinked), unless a reviewer confirmed it.
    const pairs = stored.filter(
      (p) =>
        p.link.origin !== 'MACHINE' ||
        p.link.status === 'CONFIRMED' ||
        p.link.confidence >= min - 1e-9,
    );
    pairs.sort(
      (a, b) =>
        a.left.sentenceIndex - b.left.sentenceIndex || b.link.confidence - a.link.confidence,
    );

    // Reviewer marks: framing is compared as wording, not-check-worthy statements drop out, and
    // a mark overrides the extractor's score.
    const marks = await this.claims.reviewKinds([...leftClaims, ...rightClaims].map((c) => c.id));
    const mark = (c: ClaimRow) => marks.get(c.id);
    const isFraming = (p: ComparisonPair) =>
      mark(p.left) === 'FRAMING' || mark(p.right) === 'FRAMING';
    const dropped = (c: ClaimRow) => mark(c) === 'NOT_CHECKWORTHY';
    const isFactual = (p: ComparisonPair) => !isFraming(p) && !dropped(p.left) && !dropped(p.right);
    const framing = pairs.filter(isFraming);
    const factual = pairs.filter(isFactual);
    const threshold = this.config.checkworthinessThreshold;
    const worthy = (c: ClaimRow) => (mark(c) ? !dropped(c) : c.checkworthiness >= threshold);

    // The stance is read from every stored factual link, whatever the threshold: a document's
    // verdict adds up many links, each too weak to list alone (a headline against an article's
    // lines, a claim against one line of evidence), and it must not change when the reader asks
    // to see more or fewer of them. Read through the display threshold instead, the verdict was
    // "unrelated" for most related pairs (FNC-1 development macro-F1 0.578 -> 0.425, COVID-Fact
    // 61.0 -> 38.9 %; docs/quality.md).
    const evidence = stored.filter(isFactual).map((p) => ({
      relation: p.link.relation,
      // A reviewer's confirmation is as sure as a link gets.
      confidence: p.link.status === 'CONFIRMED' ? 1 : p.link.confidence,
    }));
    const stance = aggregateStance(evidence);
    const chosen = evidence.filter((e) => e.relation === stance).map((e) => e.confidence);

    const linkedLeft = new Set(pairs.map((p) => p.left.id));
    const linkedRight = new Set(pairs.map((p) => p.right.id));
    return {
      leftId: left.id,
      rightId: right.id,
      minConfidence: min,
      stance,
      stanceConfidence: stance === null ? null : Math.max(...chosen),
      stanceLinks: evidence.length,
      corroborated: factual.filter((p) => p.link.relation === 'CORROBORATES'),
      contradicted: factual.filter((p) => p.link.relation === 'CONTRADICTS'),
      discussed: factual.filter((p) => p.link.relation === 'DISCUSSES'),
      framing,
      onlyInLeft: leftClaims.filter((c) => worthy(c) && !linkedLeft.has(c.id)),
      onlyInRight: rightClaims.filter((c) => worthy(c) && !linkedRight.has(c.id)),
    };
  }
}
