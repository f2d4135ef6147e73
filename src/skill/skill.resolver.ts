import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { connectionType, ForwardPageArgs, pageWindow, type Connection } from '../common/connection';
import type { Context } from '../context';
import { peopleList } from '../person/person.order';
import { PersonConnection, type PeopleConnection } from '../person/person.connection';
import { Skill } from './skill.entity';
import { SkillsArgs } from './skill.filter';
import { listSkillCategories, listSkills } from './skill.service';

export const SkillConnection = connectionType('Skill', Skill);

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => Skill, { nullable: true, description: 'The skill with this slug (`postgresql`), if there is one.' })
  skill(@Arg('slug') slug: string, @Ctx() { loaders }: Context): Promise<Skill | null> {
    return loaders.skillBySlug.load(slug);
  }

  @Query(() => SkillConnection, { description: 'The skill directory: all skills, or an autocomplete search; by name or popularity.' })
  skills(@Args() args: SkillsArgs, @Ctx() { db }: Context): Promise<Connection<Skill>> {
    return listSkills(db, args);
  }

  @Query(() => [String], { description: 'The categories of the skill directory (`filter.category`), alphabetically.' })
  skillCategories(@Ctx() { db }: Context): Promise<string[]> {
    return listSkillCategories(db);
  }

  @FieldResolver(() => PersonConnection, { description: 'The people who list this skill, newest first.' })
  people(@Root() skill: Skill, @Args() args: ForwardPageArgs, @Ctx() { loaders }: Context): Promise<PeopleConnection> {
    return loaders.peopleBySkillId.load({ skill, window: pageWindow(args, peopleList) });
  }
}
