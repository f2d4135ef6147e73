import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { notFound } from '../common/errors';
import { forgetProfileReads, type Context } from '../context';
import { PersonPayload } from '../person/person.inputs';
import { ImportResumeInput } from './resume.inputs';
import { importResume } from './resume.writes';

@Resolver()
export class ResumeMutationResolver {
  @Mutation(() => PersonPayload, {
    description: 'Creates or replaces a whole profile from a JSON Resume document: work → roles, education → degrees, skills and their keywords → skills.',
  })
  async importResume(@Arg('input') input: ImportResumeInput, @Ctx() { db, viewer, loaders }: Context): Promise<PersonPayload> {
    const personId = await importResume(db, viewer, input);
    forgetProfileReads(loaders);
    const person = await loaders.personById.load(personId);
    if (!person) throw notFound('Person', input.handle);
    return { person };
  }
}
