import { ArrayMaxSize, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { OrderDirection } from '../common/order';

@InputType({ description: 'Narrows a list of people; every condition given must hold.' })
export class PersonFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Has all of these skills, named as people write them (`postgres` is PostgreSQL). An unknown skill matches no one.',
  })
  @ArrayMaxSize(20)
  @Length(1, 60, { each: true })
  skills?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Has at least one of these skills.' })
  @ArrayMaxSize(50)
  @Length(1, 60, { each: true })
  anySkills?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The location contains this text, in any case (`canada`).' })
  @Length(1, 200)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'Availability, exactly as listed but in any case.' })
  @Length(1, 200)
  availability?: string | null;

  @Field(() => String, { nullable: true, description: 'One of the job categories, in any case.' })
  @Length(1, 200)
  jobCategory?: string | null;

  @Field(() => String, { nullable: true, description: 'May work in this country or region, in any case.' })
  @Length(1, 200)
  authorizedToWorkIn?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text search over name, headline, summary and every role\'s title, company and description. Words match as prefixes (`kafk`), `"quoted words"` as a phrase, `-word` excludes.',
  })
  @MaxLength(200)
  search?: string | null;
}

export enum PersonOrderField {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(PersonOrderField, {
  name: 'PersonOrderField',
  valuesConfig: { RELEVANCE: { description: 'Best match to `filter.search` first; only with a search.' } },
});

@InputType({ description: 'Defaults to RELEVANCE (DESC) when searching, else CREATED_AT DESC (newest first).' })
export class PersonOrder {
  @Field(() => PersonOrderField)
  field!: PersonOrderField;

  @Field(() => OrderDirection, { nullable: true, description: 'DESC unless given, but ASC for NAME.' })
  direction?: OrderDirection | null;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => PersonFilter, { nullable: true })
  @ValidateNested()
  filter?: PersonFilter | null;

  @Field(() => PersonOrder, { nullable: true })
  orderBy?: PersonOrder | null;
}
