import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { personAfterWrite } from '../common/payloads';
import type { Context } from '../context';
import { PersonPayload } from '../person/person.inputs';
import { PersonSkillsInput } from './skill.inputs';
import { changeSkills, type SkillsChange } from './skill.writes';

async function changed(context: Context, change: SkillsChange, input: PersonSkillsInput): Promise<PersonPayload> {
  const personId = await changeSkills(context.db, context.viewer, change, input);
  return { person: await personAfterWrite(context, personId) };
}

@Resolver()
export class SkillMutationResolver {
  @Mutation(() => PersonPayload, { description: "Replaces a person's skills with these, in this order." })
  setSkills(@Arg('input') input: PersonSkillsInput, @Ctx() context: Context): Promise<PersonPayload> {
    return changed(context, 'set', input);
  }

  @Mutation(() => PersonPayload, { description: "Adds skills after the person's last one; ones already listed stay where they are." })
  addSkills(@Arg('input') input: PersonSkillsInput, @Ctx() context: Context): Promise<PersonPayload> {
    return changed(context, 'add', input);
  }

  @Mutation(() => PersonPayload, { description: "Takes the named skills off a person's profile; the skills themselves stay." })
  removeSkills(@Arg('input') input: PersonSkillsInput, @Ctx() context: Context): Promise<PersonPayload> {
    return changed(context, 'remove', input);
  }
}
