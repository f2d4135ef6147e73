import { ArrayMaxSize, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PartialDate } from '../common/partial-date';
import { Person } from '../person/person.entity';
import { Degree } from './degree.entity';

/** The optional fields of a degree; on update, null clears one and leaving it out keeps it. */
@InputType()
export class DegreeFieldsInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  degree?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  field?: string | null;

  @Field(() => PartialDate, { nullable: true })
  startDate?: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Not before startDate.' })
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  description?: string | null;
}

@InputType()
export class AddDegreeInput extends DegreeFieldsInput {
  @Field(() => ID)
  personId!: string;

  @Field()
  @Length(1, 200)
  institution!: string;

  @Field(() => Int, { nullable: true, description: 'Where in the list: 0 (the default) is the top.' })
  @Min(0)
  position?: number | null;

  @Field(() => Int, { nullable: true, description: 'When given, a newer version of the profile is a CONFLICT.' })
  version?: number | null;
}

@InputType()
export class UpdateDegreeInput extends DegreeFieldsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @Length(1, 200)
  institution?: string | null;

  @Field(() => Int, { nullable: true, description: 'When given, a newer version of the profile is a CONFLICT.' })
  version?: number | null;
}

@InputType()
export class RemoveDegreeInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@InputType()
export class ReorderDegreesInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => [ID], { description: "Every one of the person's degrees, in the new order." })
  @ArrayMaxSize(200)
  degreeIds!: string[];

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@ObjectType()
export class DegreePayload {
  @Field(() => Degree)
  degree!: Degree;

  @Field(() => Person)
  person!: Person;
}

@ObjectType()
export class RemoveDegreePayload {
  @Field(() => ID)
  removedDegreeId!: string;

  @Field(() => Person)
  person!: Person;
}
