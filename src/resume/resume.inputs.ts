import { Matches } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { handlePattern } from '../person/person.inputs';

@InputType({ description: 'A JSON Resume document (jsonresume.org) for the profile with this handle.' })
export class ImportResumeInput {
  @Field({ description: 'Creates the profile if no one has this handle; replaces it if its owner or an admin asks.' })
  @Matches(handlePattern, { message: 'must be 2 to 39 lower-case letters, digits, - or _, starting with a letter or digit' })
  handle!: string;

  @Field(() => GraphQLJSON)
  resume!: unknown;

  @Field(() => Int, {
    nullable: true,
    description:
      'When given, the version of the profile you read: a newer one, or no profile with this handle any more, is a CONFLICT and nothing is written.',
  })
  version?: number | null;
}
