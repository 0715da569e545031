import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('DateFacet', {
  description: 'A date or date range named in a claim, normalised to ISO dates.',
})
export class DateFacetModel {
  @Field({ description: 'The words as written.' }) text!: string;
  @Field({ description: 'First day, YYYY-MM-DD.' }) start!: string;
  @Field({ description: 'Last day, YYYY-MM-DD (equal to start for one day).' }) end!: string;
  @Field({ description: 'day, month or year.' }) precision!: string;
  @Field({ description: 'Resolved against the publication date ("yesterday").' })
  relative!: boolean;
}

@ObjectType('DurationFacet', { description: 'A duration named in a claim, normalised to seconds.' })
export class DurationFacetModel {
  @Field() text!: string;
  @Field(() => Float) seconds!: number;
}

@ObjectType('QuantityFacet', {
  description: 'A number and what it counts ("killed two civilians": 2, civilian, kill).',
})
export class QuantityFacetModel {
  @Field() text!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { nullable: true }) valueMax?: number | null;
  @Field(() => String, { nullable: true, description: 'exact, approximate, at_least or at_most.' })
  approx?: string | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true, description: 'Lemma of the counted thing.' }) counted!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Lemma of the event the count belongs to.' })
  event?: string | null;
}

@ObjectType('ActorFacet', { description: 'A named person, organisation, place or group.' })
export class ActorFacetModel {
  @Field() text!: string;
  @Field({ description: 'Canonical lower-case key used for matching.' }) key!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true, description: 'agent, patient or mention.' }) role?:
    string | null;
}

@ObjectType('AttributionFacet', {
  description: 'Who a claim is attributed to, and the reporting words.',
})
export class AttributionFacetModel {
  @Field(() => String, { nullable: true }) speaker!: string | null;
  @Field() cue!: string;
}

@ObjectType('ClaimFacets', {
  description: 'Normalised facts of a claim, compared slot by slot by the linker.',
})
export class ClaimFacetsModel {
  @Field(() => [DateFacetModel]) dates!: DateFacetModel[];
  @Field(() => [DurationFacetModel]) durations!: DurationFacetModel[];
  @Field(() => [QuantityFacetModel]) quantities!: QuantityFacetModel[];
  @Field(() => [ActorFacetModel]) actors!: ActorFacetModel[];
  @Field(() => [String], { description: 'Negation cues as written.' }) negations!: string[];
  @Field(() => AttributionFacetModel, { nullable: true })
  attribution!: AttributionFacetModel | null;
  @Field(() => [String], { description: 'Hedging cues as written.' }) hedges!: string[];
  @Field() question!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Who an opening "He", "She", "His" or "Her" stands for: the person last named in the two sentences before. The linker reads the statement as naming that person. Null when the sentence opens otherwise, no person was named, or the claim was extracted before 1.10.0.',
  })
  antecedent?: string | null;
}

@ObjectType('QuoteSelector', {
  description: 'W3C-style text quote selector: re-finds the claim in a changed text.',
})
export class QuoteSelectorModel {
  @Field() exact!: string;
  @Field({ description: 'Up to 32 code points before the claim.' }) prefix!: string;
  @Field({ description: 'Up to 32 code points after the claim.' }) suffix!: string;
}
