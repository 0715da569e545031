import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/connection.types.js';
import { ClaimFacetsModel } from './facets.model.js';

@ObjectType({ description: 'A statement of a source revision, at an exact place in its text.' })
export class Claim {
  @Field(() => ID) id!: string;

  workspaceId!: string;
  sourceId!: string;
  revisionId!: string;
  prefix!: string;
  suffix!: string;

  @Field({ description: 'Exactly the source text from start to end.' }) text!: string;

  @Field(() => Int, {
    description: "Offset in Unicode code points: Python's text[start:end] == claim text.",
  })
  start!: number;

  @Field(() => Int) end!: number;

  @Field(() => Int, { description: '0-based position of the sentence in the revision.' })
  sentenceIndex!: number;

  @Field(() => Float, { description: '0..1: how check-worthy the statement is.' })
  checkworthiness!: number;

  @Field(() => ClaimFacetsModel) facets!: ClaimFacetsModel;

  @Field({ description: 'name@version of the extractor that made the claim.' }) extractor!: string;

  @Field() createdAt!: Date;
}

@ObjectType()
export class ClaimConnection extends ConnectionType(Claim, 'Claim') {}
