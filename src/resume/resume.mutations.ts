import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { personAfterWrite } from '../common/payloads';
import type { Context } from '../context';
import { PersonPayload } from '../person/person.inputs';
import { ImportResumeInput } from './resume.inputs';
import { importResume } from './resume.writes';

@Resolver()
export class ResumeMutationResolver {
  @Mutation(() => PersonPayload, {
    description:
      'Creates or replaces a whole profile from a JSON Resume document: work → roles, education → degrees, skills and their keywords → skills.',
  })
  async importResume(@Arg('input') input: ImportResumeInput, @Ctx() context: Context): Promise<PersonPayload> {
    const personId = await importResume(context.db, context.viewer, input);
    return { person: await personAfterWrite(context, personId) };
  }
}
