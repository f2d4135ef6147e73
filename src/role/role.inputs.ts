import { ArrayMaxSize, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PartialDate } from '../common/partial-date';
import { Person } from '../person/person.entity';
import { Role } from './role.entity';

/** The fields of a role; on update, null clears one and leaving it out keeps it. */
@InputType()
export class RoleFieldsInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  company?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  location?: string | null;

  @Field(() => PartialDate, { nullable: true })
  startDate?: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Not before startDate.' })
  endDate?: string | null;

  @Field(() => Boolean, { nullable: true })
  isCurrent?: boolean | null;

  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(30)
  @Length(1, 500, { each: true })
  highlights?: string[] | null;
}

@InputType()
export class AddRoleInput extends RoleFieldsInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int, { nullable: true, description: 'Where in the list: 0 (the default) is the top, the most recent.' })
  @Min(0)
  position?: number | null;

  @Field(() => Int, { nullable: true, description: 'When given, a newer version of the profile is a CONFLICT.' })
  version?: number | null;
}

@InputType()
export class UpdateRoleInput extends RoleFieldsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'When given, a newer version of the profile is a CONFLICT.' })
  version?: number | null;
}

@InputType()
export class RemoveRoleInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@InputType()
export class ReorderRolesInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => [ID], { description: "Every one of the person's roles, in the new order." })
  @ArrayMaxSize(200)
  roleIds!: string[];

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@ObjectType()
export class RolePayload {
  @Field(() => Role)
  role!: Role;

  @Field(() => Person)
  person!: Person;
}

@ObjectType()
export class RemoveRolePayload {
  @Field(() => ID)
  removedRoleId!: string;

  @Field(() => Person)
  person!: Person;
}
