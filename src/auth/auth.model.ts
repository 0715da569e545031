import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum WorkspaceRoleEnum {
  OWNER = 'OWNER',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
}
registerEnumType(WorkspaceRoleEnum, {
  name: 'WorkspaceRole',
  description: 'OWNER: manage members, delete. EDITOR: ingest, review, link. VIEWER: read, export.',
});

@ObjectType({ description: 'An API key, without its secret (shown only once, when created).' })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  userId!: string;
}

@ObjectType()
export class CreatedApiKey {
  @Field({ description: 'The key itself. Store it now: it is not kept and cannot be shown again.' })
  key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field() user!: string;
}

@ObjectType()
export class Viewer {
  @Field(() => String, {
    nullable: true,
    description: 'null when access control is off (AUTH=false).',
  })
  name!: string | null;
  @Field() isAdmin!: boolean;
}

@ObjectType()
export class WorkspaceMember {
  @Field() user!: string;
  @Field(() => WorkspaceRoleEnum) role!: WorkspaceRoleEnum;
  @Field() since!: Date;
}

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'User name; the user is created when new.' }) user!: string;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Make the user an administrator.',
  })
  admin?: boolean;
}

@InputType()
export class SetMemberInput {
  @Field(() => ID) workspaceId!: string;
  @Field() user!: string;
  @Field(() => WorkspaceRoleEnum) role!: WorkspaceRoleEnum;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID) workspaceId!: string;
  @Field() user!: string;
}
