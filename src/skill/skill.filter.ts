import { Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { ForwardPageArgs } from '../common/connection';
import { OrderDirection } from '../common/order';

@InputType({ description: 'Narrows the skill directory; every condition given must hold.' })
export class SkillFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Autocomplete: names that start with, contain or nearly match this (`pyt`, `kubernets`), and aliases (`k8s`).',
  })
  @MaxLength(60)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only skills of this category, in any case (`databases`).' })
  @Length(1, 60)
  category?: string | null;
}

export enum SkillOrderField {
  POPULARITY = 'POPULARITY',
  NAME = 'NAME',
}

registerEnumType(SkillOrderField, {
  name: 'SkillOrderField',
  valuesConfig: { POPULARITY: { description: 'By how many people list the skill.' } },
});

@InputType({
  description: 'Without it: name order, or when searching best match first (alias, then prefix, then the rest), popular first.',
})
export class SkillOrder {
  @Field(() => SkillOrderField)
  field!: SkillOrderField;

  @Field(() => OrderDirection, { nullable: true, description: 'DESC for POPULARITY and ASC for NAME unless given.' })
  direction?: OrderDirection | null;
}

@ArgsType()
export class SkillsArgs extends ForwardPageArgs {
  @Field(() => SkillFilter, { nullable: true })
  @ValidateNested()
  filter?: SkillFilter | null;

  @Field(() => SkillOrder, { nullable: true })
  orderBy?: SkillOrder | null;
}
