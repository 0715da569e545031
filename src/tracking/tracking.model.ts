import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/connection.types.js';
import type { ClusterRow } from './cluster.repository.js';

export enum ClusterOrder {
  CONTESTEDNESS = 'CONTESTEDNESS',
  SUPPORT = 'SUPPORT',
  RECENCY = 'RECENCY',
}
registerEnumType(ClusterOrder, {
  name: 'ClusterOrder',
  valuesMap: {
    CONTESTEDNESS: {
      description: 'Most independent sources on the smaller side of a dispute first.',
    },
    SUPPORT: { description: 'Most independent supporting sources first.' },
    RECENCY: { description: 'Most recently seen (published, else ingested) first.' },
  },
});

export enum StatementStance {
  ASSERTS = 'ASSERTS',
  REPORTS = 'REPORTS',
}
registerEnumType(StatementStance, {
  name: 'StatementStance',
  valuesMap: {
    ASSERTS: { description: "In the outlet's own voice." },
    REPORTS: { description: 'Attributed, hedged or questioned: the outlet takes no side.' },
  },
});

export enum CoverageStatus {
  ASSERTS = 'ASSERTS',
  CONTRADICTS = 'CONTRADICTS',
  DISCUSSES = 'DISCUSSES',
  OMITS = 'OMITS',
  ABSENT = 'ABSENT',
}
registerEnumType(CoverageStatus, {
  name: 'CoverageStatus',
  valuesMap: {
    ASSERTS: { description: 'States the proposition in its own voice (its latest word, if both).' },
    CONTRADICTS: { description: 'States a rival proposition in its own voice.' },
    DISCUSSES: { description: 'Only reports the proposition or a rival (attributed, hedged).' },
    OMITS: { description: 'Has sources in the workspace but none says anything on the question.' },
    ABSENT: { description: 'Has no source in the workspace.' },
  },
});

export enum DependencyKind {
  SYNDICATED = 'SYNDICATED',
  DERIVED = 'DERIVED',
  SAME_PUBLISHER = 'SAME_PUBLISHER',
  SHARED_SPEAKER = 'SHARED_SPEAKER',
}
registerEnumType(DependencyKind, {
  name: 'DependencyKind',
  valuesMap: {
    SYNDICATED: { description: 'Near-identical text (MinHash): a syndicated or exact copy.' },
    DERIVED: {
      description:
        "A rewrite: most of the later source's statements follow the other's in the same order.",
    },
    SAME_PUBLISHER: { description: 'Published by the same outlet.' },
    SHARED_SPEAKER: { description: 'Their statements cite the same speaker.' },
  },
});

@ObjectType({
  description: 'A source that follows another statement by statement, in order: a derived copy.',
})
export class SourceDerivation {
  copyId!: string;
  originId!: string;
  @Field({
    description:
      'Why: "derived copy: 12 of 14 statements of <copy> follow <origin> in order, published later".',
  })
  evidence!: string;
}

@ObjectType({ description: 'A statement in a cluster, with the voice it speaks in.' })
export class ClusterStatement {
  claimId!: string;
  publisherId!: string | null;
  @Field(() => ID) clusterId!: string;
  @Field(() => StatementStance) stance!: StatementStance;
  @Field({ description: "The source's publication time, else its ingestion time." }) seenAt!: Date;
}

@ObjectType({ description: 'Sources that count as one piece of evidence, and why.' })
export class DependentGroup {
  sourceIds!: string[];
  @Field({ description: 'All reasons, joined with "; ".' }) reason!: string;
  @Field(() => [String]) reasons!: string[];
  @Field(() => [DependencyKind]) kinds!: DependencyKind[];
  @Field(() => [SourceDerivation], {
    description: 'The derived copies (kind DERIVED) in the group, with their evidence.',
  })
  derivations!: SourceDerivation[];
}

@ObjectType({ description: 'One figure as one statement gives it, in order of appearance.' })
export class FigurePoint {
  claimId!: string;
  sourceId!: string;
  @Field(() => ID, { description: 'This cluster, or the rival cluster the figure comes from.' })
  clusterId!: string;
  @Field() at!: Date;
  @Field({ description: 'The figure as written.' }) text!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { nullable: true }) valueMax!: number | null;
  @Field(() => String, { nullable: true }) approx!: string | null;
  @Field(() => String, { nullable: true }) counted!: string | null;
  @Field(() => String, { nullable: true }) event!: string | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
}

@ObjectType({ description: 'The words one publisher uses where others use different ones.' })
export class PublisherFraming {
  publisherId!: string;
  @Field(() => [String]) terms!: string[];
}

@ObjectType({
  description:
    'Statements across the workspace that assert the same proposition, with who supports and contradicts it and how independently.',
})
export class ClaimCluster {
  @Field(() => ID) id!: string;
  workspaceId!: string;
  representativeId!: string;
  earliestClaimId!: string;
  contradictedByIds!: string[];
  dependentGroupRows!: ClusterRow['dependentGroups'];
  contradictionGroupRows!: ClusterRow['contradictionGroups'];
  figureRows!: ClusterRow['figureTimeline'];
  framingRows!: ClusterRow['framingTerms'];

  @Field(() => Int) memberCount!: number;
  @Field(() => Int, { description: 'Sources with a statement in the cluster.' })
  supportCount!: number;
  @Field(() => Int, {
    description: 'Supporting sources counted once per group of dependent sources.',
  })
  independentSupportCount!: number;
  @Field(() => Int, { description: 'Sources with a statement in a contradicting cluster.' })
  contradictionCount!: number;
  @Field(() => Int) independentContradictionCount!: number;
  @Field(() => Float) contestedness!: number;
  @Field({ description: 'When the latest member appeared.' }) lastSeenAt!: Date;
}

@ObjectType()
export class ClaimClusterConnection extends ConnectionType(ClaimCluster, 'ClaimCluster') {}

@ObjectType()
export class CoverageCell {
  @Field(() => ID) publisherId!: string;
  @Field(() => ID) clusterId!: string;
  @Field(() => CoverageStatus) status!: CoverageStatus;
  @Field(() => [ClusterStatement]) statements!: ClusterStatement[];
}

@ObjectType({
  description: 'Publishers x claim clusters: who asserts, contradicts, discusses or omits what.',
})
export class Coverage {
  publisherIds!: string[];
  clusterRows!: ClusterRow[];
  @Field(() => [CoverageCell]) cells!: CoverageCell[];
}

export function toClusterModel(r: ClusterRow): ClaimCluster {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    representativeId: r.representativeId,
    earliestClaimId: r.earliestClaimId,
    contradictedByIds: r.contradictedBy,
    dependentGroupRows: r.dependentGroups,
    contradictionGroupRows: r.contradictionGroups,
    figureRows: r.figureTimeline,
    framingRows: r.framingTerms,
    memberCount: r.memberCount,
    supportCount: r.supportCount,
    independentSupportCount: r.independentSupportCount,
    contradictionCount: r.contradictionCount,
    independentContradictionCount: r.independentContradictionCount,
    contestedness: r.contestedness,
    lastSeenAt: r.lastSeenAt,
  };
}
