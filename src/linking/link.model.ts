import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Claim } from '../claims/claim.model.js';

export enum LinkRelation {
  CORROBORATES = 'CORROBORATES',
  CONTRADICTS = 'CONTRADICTS',
  DISCUSSES = 'DISCUSSES',
}
registerEnumType(LinkRelation, {
  name: 'LinkRelation',
  description:
    'Symmetric: the two statements agree / conflict / address the same claim while at least one takes no side.',
});

export enum LinkStatus {
  SUGGESTED = 'SUGGESTED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
registerEnumType(LinkStatus, { name: 'LinkStatus' });

export enum LinkOrigin {
  MACHINE = 'MACHINE',
  HUMAN = 'HUMAN',
}
registerEnumType(LinkOrigin, { name: 'LinkOrigin' });

@ObjectType({
  description: 'Typed, human-readable evidence for a relation, with the words from both sides.',
})
export class LinkSignal {
  @Field() kind!: string;
  @Field() detail!: string;
  @Field(() => String, { nullable: true, description: "Words on the claim's side." }) left!:
    string | null;
  @Field(() => String, { nullable: true, description: "Words on the evidence's side." }) right!:
    string | null;
  @Field(() => Float, { nullable: true }) weight!: number | null;
}

@ObjectType({ description: 'A typed link between two statements of different sources.' })
export class ClaimLink {
  @Field(() => ID) id!: string;
  @Field(() => LinkRelation) relation!: LinkRelation;
  @Field(() => Claim, { description: 'The claim the link was read from.' }) claim!: Claim;
  @Field(() => Claim, { description: 'The other statement; always in a different source.' })
  evidence!: Claim;
  @Field(() => Float, { description: '0..1, calibrated.' }) confidence!: number;
  @Field(() => [LinkSignal]) signals!: LinkSignal[];
  @Field({ description: 'name@version of what made it, or the reviewer for human links.' })
  method!: string;
  @Field(() => LinkOrigin) origin!: LinkOrigin;
  @Field(() => LinkStatus) status!: LinkStatus;
  @Field() createdAt!: Date;
  @Field({ description: 'Last time the machine re-scored it or a reviewer changed it.' })
  updatedAt!: Date;
}

@ObjectType()
export class ClaimPair {
  @Field(() => Claim) left!: Claim;
  @Field(() => Claim) right!: Claim;
  @Field(() => ClaimLink) link!: ClaimLink;
}

@ObjectType({
  description:
    "Two sources read side by side: the left source's claims against the right's statements.",
})
export class SourceComparison {
  leftId!: string;
  rightId!: string;
  @Field(() => LinkRelation, {
    nullable: true,
    description:
      "How the right source as a whole stands toward the left's claims; null when unrelated. Read from every stored link between the two (rejected ones left out) whatever minConfidence is: the threshold decides which links are listed, not the verdict. Ask with minConfidence: 0 to list all the links it was read from.",
  })
  stance!: LinkRelation | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "The highest confidence among the links of the stance's relation (1 for a reviewer-confirmed link); null without a stance.",
  })
  stanceConfidence!: number | null;
  @Field(() => Int, {
    description:
      'How many stored links the stance was read from, listed or not (left out: rejected links, and links a reviewer marked as framing or not check-worthy).',
  })
  stanceLinks!: number;
  @Field(() => Float, {
    description:
      'The confidence threshold applied to the listed machine links (the display default unless minConfidence was given); the stance is read from every stored link.',
  })
  minConfidence!: number;
  @Field(() => [ClaimPair]) corroborated!: ClaimPair[];
  @Field(() => [ClaimPair]) contradicted!: ClaimPair[];
  @Field(() => [ClaimPair]) discussed!: ClaimPair[];
  @Field(() => [ClaimPair], {
    description:
      'Links where a reviewer marked a side as framing (what something is called): compared as wording, not as true/false.',
  })
  framing!: ClaimPair[];
  @Field(() => [Claim]) onlyInLeft!: Claim[];
  @Field(() => [Claim]) onlyInRight!: Claim[];
}
