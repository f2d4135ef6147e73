import { ArrayMaxSize, Length, Matches, MaxLength } from 'class-validator';
import { GraphQLEmailAddress, GraphQLURL } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Person } from './person.entity';

export const handlePattern = /^[a-z0-9][a-z0-9-_]{1,38}$/;
const handleRule = Matches(handlePattern, {
  message: 'must be 2 to 39 lower-case letters, digits, - or _, starting with a letter or digit',
});
const phoneRule = Matches(/^\+?[0-9][0-9 ().-]{2,30}$/, {
  message: 'must be a phone number: digits, spaces, ( ) . - and an optional leading +',
});

/** The optional fields of a profile; on update, null clears one and leaving it out keeps it. */
@InputType()
export class ProfileFieldsInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  headline?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  availability?: string | null;

  @Field(() => GraphQLEmailAddress, { nullable: true })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @phoneRule
  phone?: string | null;

  // graphql-scalars parses URLs into URL objects; person.writes stores their href.
  @Field(() => GraphQLURL, { nullable: true })
  website?: URL | null;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(30)
  @Length(1, 100, { each: true })
  authorizedToWorkIn?: string[] | null;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(30)
  @Length(1, 100, { each: true })
  jobCategories?: string[] | null;
}

@InputType({ description: 'A new profile, owned by the signed-in account.' })
export class CreatePersonInput extends ProfileFieldsInput {
  @Field()
  @handleRule
  handle!: string;

  @Field()
  @Length(1, 200)
  name!: string;
}

@InputType({ description: 'Changes to a profile: only the fields given change; null clears a field that may be empty.' })
export class UpdatePersonInput extends ProfileFieldsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer one means someone else edited meanwhile (CONFLICT).' })
  version!: number;

  @Field(() => String, { nullable: true })
  @handleRule
  handle?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 200)
  name?: string | null;
}

@InputType()
export class DeletePersonInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'When given, a newer version is a CONFLICT.' })
  version?: number | null;
}

@ObjectType()
export class PersonPayload {
  @Field(() => Person)
  person!: Person;
}

@ObjectType()
export class DeletePersonPayload {
  @Field(() => ID)
  deletedPersonId!: string;
}
