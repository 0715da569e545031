import { Args, Context, Float, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { GqlContext } from '../graphql/context.js';
import { assertCanRead } from './visibility.js';
import { notFound } from '../common/errors.js';
import { Claim } from '../claims/claim.model.js';
import { Publisher, Source, SourceRevision } from '../sources/source.model.js';
import { CLAIM_COLUMNS, LINK_COLUMNS } from './exports/csv-columns.js';
import { ExportService } from './exports/export.service.js';
import {
  ClaimKind,
  ClaimProvenance,
  ClaimReviewModel,
  WorkspaceExport,
} from './provenance.model.js';
import { ProvenanceService } from './provenance.service.js';
import { provenanceView, type ProvenanceView } from './provenance-view.js';
import { ProvenanceLoaders } from './provenance.loaders.js';
import { SourceLoaders } from '../sources/source.loaders.js';

@Resolver(() => Claim)
export class ClaimProvenanceResolver {
  @ResolveField(() => ClaimProvenance, {
    description:
      'Where the claim comes from: source, publisher, revision, span, extractor, attribution chain.',
  })
  async provenance(@Parent() claim: Claim, @Context() ctx: GqlContext): Promise<ProvenanceView> {
    const found = await ctx.loaders.get(ProvenanceLoaders).claimContext.load(claim.id);
    if (!found) throw notFound('claim', claim.id);
    return provenanceView(found);
  }

  @ResolveField(() => ClaimReviewModel, {
    nullable: true,
    description: "A reviewer's current mark (markClaim); null when unreviewed.",
  })
  review(@Parent() claim: Claim, @Context() ctx: GqlContext) {
    return ctx.loaders.get(ProvenanceLoaders).claimReview.load(claim.id);
  }

  @ResolveField(() => ClaimKind, {
    nullable: true,
    description: 'FACT, FRAMING or NOT_CHECKWORTHY when a reviewer marked the claim.',
  })
  async reviewKind(@Parent() claim: Claim, @Context() ctx: GqlContext) {
    return (await ctx.loaders.get(ProvenanceLoaders).claimReview.load(claim.id))?.kind ?? null;
  }
}

@Resolver(() => ClaimProvenance)
export class ClaimProvenanceFieldsResolver {
  @ResolveField(() => Source)
  async source(@Parent() p: ProvenanceView, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.get(SourceLoaders).source.load(p.sourceId)) ??
      Promise.reject(notFound('source', p.sourceId))
    );
  }

  @ResolveField(() => Publisher, { nullable: true })
  publisher(@Parent() p: ProvenanceView, @Context() ctx: GqlContext) {
    return p.publisherId ? ctx.loaders.get(SourceLoaders).publisher.load(p.publisherId) : null;
  }

  @ResolveField(() => SourceRevision)
  async revision(@Parent() p: ProvenanceView, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.get(SourceLoaders).revision.load(p.revisionId)) ??
      Promise.reject(notFound('revision', p.revisionId))
    );
  }
}

@Resolver()
export class ProvenanceExportResolver {
  constructor(
    private readonly provenance: ProvenanceService,
    private readonly exports: ExportService,
  ) {}

  @Query(() => GraphQLJSONObject, {
    description:
      'W3C PROV-O (JSON-LD) of a claim: revision and claim entities; retrieval, extraction, linking and review activities; publisher, speaker, software and reviewer agents.',
  })
  async claimProvJsonLd(
    @Args('claimId', { type: () => ID }) claimId: string,
    @Context() ctx: GqlContext,
  ) {
    await assertCanRead(ctx, 'claim', claimId);
    return this.provenance.provJsonLd(claimId);
  }

  @Query(() => GraphQLJSONObject, {
    description: 'A claim as a W3C Web Annotation (TextQuoteSelector + TextPositionSelector).',
  })
  async claimAnnotationJsonLd(
    @Args('claimId', { type: () => ID }) claimId: string,
    @Context() ctx: GqlContext,
  ) {
    await assertCanRead(ctx, 'claim', claimId);
    return this.provenance.annotationJsonLd(claimId);
  }

  @Query(() => GraphQLJSONObject, {
    description: "The current revision's claims as a W3C Web Annotation collection.",
  })
  async sourceAnnotationsJsonLd(
    @Args('sourceId', { type: () => ID }) sourceId: string,
    @Args('minCheckworthiness', { type: () => Float, nullable: true })
    minCheckworthiness: number | null,
    @Context() ctx: GqlContext,
  ) {
    await assertCanRead(ctx, 'source', sourceId);
    return this.provenance.sourceAnnotations(sourceId, minCheckworthiness);
  }

  @Query(() => GraphQLJSONObject, {
    description: 'schema.org ClaimReview (JSON-LD) of a claim a reviewer rated with markClaim.',
  })
  async claimReviewJsonLd(
    @Args('claimId', { type: () => ID }) claimId: string,
    @Context() ctx: GqlContext,
  ) {
    await assertCanRead(ctx, 'claim', claimId);
    return this.provenance.claimReviewJsonLd(claimId);
  }

  @Query(() => WorkspaceExport, {
    description:
      "Where to stream a workspace's claims and links as CSV (HTTP GET), with the columns documented.",
  })
  async workspaceExport(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Context() ctx: GqlContext,
  ): Promise<WorkspaceExport> {
    await ctx.access.assertRead(workspaceId, 'workspace', workspaceId);
    await this.exports.assertWorkspace(workspaceId);
    return {
      claimsCsvPath: `/exports/workspaces/${workspaceId}/claims.csv`,
      linksCsvPath: `/exports/workspaces/${workspaceId}/links.csv`,
      claimColumns: CLAIM_COLUMNS,
      linkColumns: LINK_COLUMNS,
    };
  }
}
