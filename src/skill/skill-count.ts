import { Field, Int, ObjectType } from 'type-graphql';
import { Skill } from './skill.entity';

@ObjectType({ description: 'A skill and how many people in a list have it (a facet, for filter chips).' })
export class SkillCount {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Int, { description: 'Exact when `isExact`; otherwise estimated from a sample of the list (within a few percent).' })
  count!: number;

  @Field({
    description:
      'Whether `count` is exact. Counts are exact for lists of up to 10,000 people; for far larger lists, estimated from a fixed sample of one person in eight.',
  })
  isExact!: boolean;
}
