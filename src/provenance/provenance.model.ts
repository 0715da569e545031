import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionType } from '../common/connection.types.js';
import { Claim } from '../claims/claim.model.js';
import { QuoteSelectorModel } from '../claims/facets.model.js';
import { LinkRelation, LinkStatus } from '../linking/link.model.js';
import { Publisher, Source, SourceRevision } from '../sources/source.model.js';

export enum ClaimVoice {
  ASSERTED = 'ASSERTED',
  RELAYED = 'RELAYED',
}
registerEnumType(ClaimVoice, {
  name: 'ClaimVoice',
  description:
    'ASSERTED: the outlet says it in its own voice. RELAYED: the outlet reports that someone else said it.',
});

export enum AttributionRole {
  PUBLISHER = 'PUBLISHER',
  SPEAKER = 'SPEAKER',
}
registerEnumType(AttributionRole, { name: 'AttributionRole' });

export enum ClaimKind {
  FACT = 'FACT',
  FRAMING = 'FRAMING',
  NOT_CHECKWORTHY = 'NOT_CHECKWORTHY',
}
registerEnumType(ClaimKind, {
  name: 'ClaimKind',
  description:
    "A reviewer's reading of a claim. FRAMING: a characterisation (what an operation is called, its legal label), compared as framing rather than as true or false.",
});

export enum ClaimVerdict {
  TRUE = 'TRUE',
  MOSTLY_TRUE = 'MOSTLY_TRUE',
  MIXED = 'MIXED',
  MOSTLY_FALSE = 'MOSTLY_FALSE',
  FALSE = 'FALSE',
  UNVERIFIABLE = 'UNVERIFIABLE',
}
registerEnumType(ClaimVerdict, {
  name: 'ClaimVerdict',
  description: "A reviewer's rating of a FACT claim (exported as schema.org ClaimReview).",
});

export enum ReviewDecision {
  CONFIRM = 'CONFIRM',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

export enum RevisionChange {
  UNCHANGED = 'UNCHANGED',
  MOVED = 'MOVED',
  EDITED = 'EDITED',
  REMOVED = 'REMOVED',
  ADDED = 'ADDED',
}
registerEnumType(RevisionChange, {
  name: 'RevisionChange',
  description:
    'What became of a claim in a later revision: same words in the same order (UNCHANGED), same words elsewhere (MOVED), reworded (EDITED), gone (REMOVED); ADDED is a new claim.',
});

export enum AnchorMethod {
  POSITION = 'POSITION',
  QUOTE = 'QUOTE',
  FUZZY = 'FUZZY',
}
registerEnumType(AnchorMethod, {
  name: 'AnchorMethod',
  description:
    'How a claim was found in the new revision: same span (POSITION), same exact quote with prefix/suffix (QUOTE), most similar sentence (FUZZY).',
});

@ObjectType({ description: 'One voice in the chain from the outlet to the quoted speaker.' })
export class AttributionStep {
  @Field(() => AttributionRole) role!: AttributionRole;
  @Field(() => String, { nullable: true, description: 'null when the text names no one.' })
  name!: string | null;
  @Field({
    description: '"asserts" / "reports" for the publisher; the reporting words for a speaker.',
  })
  cue!: string;
}

@ObjectType({
  description:
    'Where a claim comes from: source, publisher, revision, exact place in the text, extractor, and who it is attributed to.',
})
export class ClaimProvenance {
  sourceId!: string;
  publisherId!: string | null;
  revisionId!: string;
  @Field(() => Source) source!: Source;
  @Field(() => Publisher, { nullable: true }) publisher!: Publisher | null;
  @Field(() => SourceRevision) revision!: SourceRevision;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field({ description: 'sha256 hex of the revision text (UTF-8).' }) contentHash!: string;
  @Field({ description: 'sha256 hex of the bytes received (the HTML for HTML input).' })
  originalHash!: string;
  @Field() retrievedAt!: Date;
  @Field(() => Int, { description: 'Code-point offset into the revision text.' }) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => QuoteSelectorModel) selector!: QuoteSelectorModel;
  @Field({ description: 'name@version.' }) extractor!: string;
  @Field() extractorName!: string;
  @Field(() => String, { nullable: true }) extractorVersion!: string | null;
  @Field() extractedAt!: Date;
  @Field(() => ClaimVoice) voice!: ClaimVoice;
  @Field(() => [AttributionStep], { description: 'Publisher first, then the quoted speaker.' })
  attribution!: AttributionStep[];
  @Field({ description: 'The chain in one line.' }) summary!: string;
}

@ObjectType('ClaimReview', { description: "A reviewer's current mark on a claim." })
export class ClaimReviewModel {
  @Field(() => ClaimKind) kind!: ClaimKind;
  @Field(() => ClaimVerdict, { nullable: true }) verdict!: ClaimVerdict | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() reviewer!: string;
  @Field() reviewedAt!: Date;
}

@ObjectType({ description: 'One change of a link, in the order it happened.' })
export class LinkHistoryEntry {
  @Field({ description: 'Position in the global order of link changes.' }) seq!: string;
  @Field({
    description:
      'CREATED, RESCORED, REMOVED (by the linker); CONFIRMED, REJECTED, RELATION_CHANGED, LINKED_BY_HAND (by a reviewer); FLAGGED, CARRIED (by a source revision).',
  })
  action!: string;
  @Field({ description: 'Who: the method for machine changes, the reviewer, or "system".' })
  actor!: string;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => LinkRelation, { nullable: true }) relation!: LinkRelation | null;
  @Field(() => Float, { nullable: true }) confidence!: number | null;
  @Field(() => LinkStatus, { nullable: true }) status!: LinkStatus | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'Values before the change, and the pair.' })
  details!: Record<string, unknown>;
  @Field() at!: Date;
}

@ObjectType({ description: 'The words that changed in an edited claim.' })
export class WordingChangeModel {
  @Field() removed!: string;
  @Field() inserted!: string;
  @Field(() => Int, { description: 'Code-point offset in the old claim text.' }) at!: number;
}

@ObjectType()
export class RevisionDiffEntry {
  @Field(() => RevisionChange) status!: RevisionChange;
  @Field(() => AnchorMethod, { nullable: true }) method!: AnchorMethod | null;
  @Field(() => Float, { nullable: true, description: '1 for exact matches; similarity for FUZZY.' })
  score!: number | null;
  @Field(() => Claim, { nullable: true, description: 'The claim in the older revision.' })
  oldClaim!: Claim | null;
  @Field(() => Claim, { nullable: true, description: 'Where it went in the newer revision.' })
  newClaim!: Claim | null;
  @Field(() => String, { nullable: true }) oldText!: string | null;
  @Field(() => String, { nullable: true }) newText!: string | null;
  @Field(() => WordingChangeModel, { nullable: true }) change!: WordingChangeModel | null;
  @Field(() => Int, {
    description: 'Links of the old claim (flagged for review when EDITED or REMOVED).',
  })
  linkCount!: number;
}

@ObjectType()
export class RevisionDiffCounts {
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) moved!: number;
  @Field(() => Int) edited!: number;
  @Field(() => Int) removed!: number;
  @Field(() => Int) added!: number;
}

@ObjectType({ description: 'What happened to every claim of one revision in another.' })
export class RevisionDiff {
  @Field(() => Source) source!: Source;
  @Field(() => SourceRevision) from!: SourceRevision;
  @Field(() => SourceRevision) to!: SourceRevision;
  @Field(() => RevisionDiffCounts) counts!: RevisionDiffCounts;
  @Field(() => [RevisionDiffEntry], { description: 'Old claims in old order, then ADDED ones.' })
  entries!: RevisionDiffEntry[];
}

@ObjectType('AuditEvent', { description: 'One entry of the hash-chained, append-only audit log.' })
export class AuditEventModel {
  @Field() seq!: string;
  @Field() actor!: string;
  @Field() action!: string;
  @Field() subjectType!: string;
  @Field() subjectId!: string;
  @Field(() => String, { nullable: true }) inputHash!: string | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => GraphQLJSONObject) details!: Record<string, unknown>;
  @Field() createdAt!: Date;
  @Field() prevHash!: string;
  @Field() hash!: string;
}

@ObjectType()
export class AuditEventConnection extends ConnectionType(AuditEventModel, 'AuditEvent') {}

@ObjectType()
export class AuditChainBreak {
  @Field({ description: 'seq of the first event that does not verify.' }) seq!: string;
  @Field({
    description:
      'HASH_MISMATCH: the row was edited. PREV_HASH_MISMATCH: a row before it was deleted or inserted.',
  })
  reason!: string;
  @Field() expected!: string;
  @Field() found!: string;
}

@ObjectType()
export class AuditVerification {
  @Field(() => ID) workspaceId!: string;
  @Field() valid!: boolean;
  @Field(() => Int, { description: 'Events checked (up to and including the first broken one).' })
  checked!: number;
  @Field({
    description: 'Hash of the last verified event; keep it to detect a rewritten tail later.',
  })
  headHash!: string;
  @Field(() => AuditChainBreak, { nullable: true }) firstBreak!: AuditChainBreak | null;
}

@ObjectType()
export class CsvColumnModel {
  @Field() name!: string;
  @Field() description!: string;
}

@ObjectType({ description: 'Where to download a workspace as CSV, and what the columns mean.' })
export class WorkspaceExport {
  @Field({
    description: 'HTTP path of claims.csv (every revision; is_current marks the current one).',
  })
  claimsCsvPath!: string;
  @Field({ description: 'HTTP path of links.csv.' }) linksCsvPath!: string;
  @Field(() => [CsvColumnModel]) claimColumns!: CsvColumnModel[];
  @Field(() => [CsvColumnModel]) linkColumns!: CsvColumnModel[];
}

@InputType()
export class ReviewLinkInput {
  @Field(() => ID) linkId!: string;
  @Field(() => ReviewDecision) decision!: ReviewDecision;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class CreateLinkInput {
  @Field(() => ID) claimId!: string;
  @Field(() => ID, { description: 'A claim of another source.' }) evidenceClaimId!: string;
  @Field(() => LinkRelation) relation!: LinkRelation;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class UpdateLinkInput {
  @Field(() => ID) linkId!: string;
  @Field(() => LinkRelation) relation!: LinkRelation;
  @Field({ description: 'Why the relation changes (required).' }) note!: string;
}

@InputType()
export class MarkClaimInput {
  @Field(() => ID) claimId!: string;
  @Field(() => ClaimKind) kind!: ClaimKind;
  @Field(() => ClaimVerdict, { nullable: true, description: 'Only for FACT claims.' })
  verdict?: ClaimVerdict | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
