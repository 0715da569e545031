import { ArgsType, Field, Float } from '@nestjs/graphql';
import { PageArgs } from '../common/pagination.js';

@ArgsType()
export class ClaimsArgs extends PageArgs {
  @Field(() => Float, {
    nullable: true,
    description:
      'Only claims scoring at least this (0..1). Default: the configured threshold; 0 returns every sentence.',
  })
  minCheckworthiness?: number | null;
}
