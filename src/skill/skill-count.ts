import { Field, Int, ObjectType } from 'type-graphql';
import { Skill } from './skill.entity';

@ObjectType({ description: 'A skill and how many people in a list have it (a facet, for filter chips).' })
export class SkillCount {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Int)
  count!: number;
}
