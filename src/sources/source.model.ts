import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/connection.types.js';

export enum LinkingStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(LinkingStatus, { name: 'LinkingStatus' });

export enum OriginalFormat {
  TEXT = 'TEXT',
  HTML = 'HTML',
}
registerEnumType(OriginalFormat, { name: 'OriginalFormat' });

@ObjectType({
  description:
    'An outlet. Sources of one publisher in a workspace share it (matched on a normalised name).',
})
export class Publisher {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  workspaceId!: string;
}

@ObjectType({ description: 'One version of a source text, exactly as ingested.' })
export class SourceRevision {
  @Field(() => ID) id!: string;
  sourceId!: string;
  workspaceId!: string;
  @Field(() => Int, {
    description: '1 for the first text, +1 for each changed text under the same URL.',
  })
  number!: number;
  @Field({ description: 'sha256 hex of the text (UTF-8).' }) contentHash!: string;
  @Field(() => OriginalFormat) originalFormat!: OriginalFormat;
  @Field({ description: 'sha256 hex of the bytes received (the HTML for HTML input).' })
  originalHash!: string;
  @Field() retrievedAt!: Date;
}

@ObjectType({ description: 'A document from one outlet; its text may have several revisions.' })
export class Source {
  @Field(() => ID) id!: string;
  workspaceId!: string;
  publisherId!: string | null;
  currentRevisionId!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true }) author!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag, given or detected.' })
  language!: string | null;
  @Field(() => LinkingStatus) linkingStatus!: LinkingStatus;
  @Field(() => String, { nullable: true, description: 'Why linking failed, when it did.' })
  linkingError!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class SourceConnection extends ConnectionType(Source, 'Source') {}
