import { ArrayMaxSize, Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Skill names as people write them: `postgres`, `Postgres` and `PostgreSQL` are one skill.' })
export class PersonSkillsInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => [String])
  @ArrayMaxSize(200)
  @Length(1, 60, { each: true })
  names!: string[];

  @Field(() => Int, { nullable: true, description: 'When given, a newer version of the profile is a CONFLICT.' })
  version?: number | null;
}
