import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A research workspace: the unit of sharing and isolation. Every source, claim and link belongs to one.',
})
export class Workspace {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  createdAt!: Date;
}
