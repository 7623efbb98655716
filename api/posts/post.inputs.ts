import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { FilterText, PageInput, SortInputOf } from '../common/list.js';
import { AttachmentUpload } from '../applications/attachment.js';
import { ClosingReason } from '../rooms/room.enums.js';
import { PostKind } from './post.entity.js';
import { Vitals } from './vitals.js';

@InputType()
export class PostInput {
  @Field(() => PostKind, { description: 'NOTE (連絡帳) or CARE_REPORT (ケアレポート)' })
  kind!: PostKind;

  @Field(() => String, { nullable: true, description: 'Care reports: one of the room’s titles' })
  @IsOptional()
  @MaxLength(100, { message: 'TOO_LONG' })
  title?: string | null;

  @Field()
  @Matches(/\S/, { message: 'REQUIRED' })
  @MaxLength(10000, { message: 'TOO_LONG' })
  body!: string;

  @Field(() => Vitals, { nullable: true })
  @IsOptional()
  @ValidateNested()
  vitals?: Vitals | null;

  @Field(() => [AttachmentUpload], { nullable: true, description: 'Images or PDF (5 MB each, 3 at most)' })
  @IsOptional()
  @ValidateNested({ each: true })
  attachments?: AttachmentUpload[] | null;
}

@InputType({ description: 'A correction by the author; the earlier version is kept' })
export class PostEditInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100, { message: 'TOO_LONG' })
  title?: string | null;

  @Field()
  @Matches(/\S/, { message: 'REQUIRED' })
  @MaxLength(10000, { message: 'TOO_LONG' })
  body!: string;

  @Field(() => Vitals, { nullable: true })
  @IsOptional()
  @ValidateNested()
  vitals?: Vitals | null;
}

@ArgsType()
export class ClosingRequestArgs {
  @Field(() => ID)
  roomId!: string;

  @Field(() => ClosingReason)
  reason!: ClosingReason;

  @Field({ description: 'What happened, for the city' })
  @Matches(/\S/, { message: 'REQUIRED' })
  @MaxLength(2000, { message: 'TOO_LONG' })
  body!: string;
}

@InputType()
export class PostFilter {
  @Field(() => PostKind, { nullable: true })
  kind?: PostKind | null;

  @Field(() => String, { nullable: true })
  @FilterText()
  title?: string | null;

  @Field(() => ID, { nullable: true })
  authorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the text (search inside the room)' })
  @IsOptional()
  @MaxLength(100, { message: 'TOO_LONG' })
  q?: string | null;
}

export enum PostSortField {
  createdAt = 'createdAt',
}
registerEnumType(PostSortField, { name: 'PostSortField' });
export const PostSort = SortInputOf<PostSortField>(PostSortField, 'PostSort', PostSortField.createdAt);

@ArgsType()
export class PostListArgs {
  @Field(() => ID)
  roomId!: string;

  @Field(() => PostFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PostFilter;

  @Field(() => PostSort, { nullable: true })
  sort?: InstanceType<typeof PostSort>;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}
