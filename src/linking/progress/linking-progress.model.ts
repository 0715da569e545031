import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    "Where a workspace's linking stands: sources per status, the recent rate and the time left. " +
    'The workspace is done when pending + running is 0.',
})
export class WorkspaceLinking {
  @Field(() => Int, { description: 'Sources waiting to be linked.' })
  pending!: number;

  @Field(() => Int, { description: 'Sources a worker is linking now.' })
  running!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int, { description: 'Sources whose linking failed (see Source.linkingError).' })
  failed!: number;

  @Field({ description: 'pending + running = 0: every source is linked (or failed).' })
  complete!: boolean;

  @Field(() => Float, { description: 'Sources linked per second over the last minute.' })
  sourcesPerSecond!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Seconds until pending and running sources are linked at that rate (null: no rate yet).',
  })
  etaSeconds!: number | null;
}
