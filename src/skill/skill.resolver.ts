import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { connectionType, ForwardPageArgs, pageWindow, type Connection } from '../common/connection';
import type { Context } from '../context';
import { Person } from '../person/person.entity';
import { peopleList } from '../person/person.order';
import { PersonConnection } from '../person/person.resolver';
import { Skill } from './skill.entity';
import { listSkills } from './skill.service';

export const SkillConnection = connectionType('Skill', Skill);

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => Skill, { nullable: true, description: 'The skill with this slug (`postgresql`), if there is one.' })
  skill(@Arg('slug') slug: string, @Ctx() { loaders }: Context): Promise<Skill | null> {
    return loaders.skillBySlug.load(slug);
  }

  @Query(() => SkillConnection, { description: 'The skill directory, in name order.' })
  skills(@Args() args: ForwardPageArgs, @Ctx() { db }: Context): Promise<Connection<Skill>> {
    return listSkills(db, args);
  }

  @FieldResolver(() => PersonConnection, { description: 'The people who list this skill, newest first.' })
  people(@Root() skill: Skill, @Args() args: ForwardPageArgs, @Ctx() { loaders }: Context): Promise<Connection<Person>> {
    return loaders.peopleBySkillId.load({ skillId: skill.id, peopleCount: skill.peopleCount, window: pageWindow(args, peopleList) });
  }
}
