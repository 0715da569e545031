import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength, Matches } from 'class-validator';

@InputType()
export class CreateWorkspaceInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @Matches(/\S/, { message: 'name must contain a visible character' })
  name!: string;
}
