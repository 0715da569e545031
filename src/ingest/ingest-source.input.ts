import { Field, ID, InputType } from '@nestjs/graphql';

/**
 * One source to ingest. Validation lives in ingest/prepare-ingest.ts rather than in decorators,
 * because the CLI and the bulk mutation must apply exactly the same rules.
 */
@InputType()
export class IngestSourceInput {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Plain text of the source. Exactly one of text / html.',
  })
  text?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "HTML of the page; the article's main text is extracted and claim spans index into it.",
  })
  html?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'http(s) URL. Re-ingesting a URL with changed text adds a revision.',
  })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The outlet's name; sources of one publisher share a Publisher.",
  })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'BCP 47 language tag; detected when absent.',
  })
  language?: string | null;
}
