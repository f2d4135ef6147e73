import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { forgetProfileReads, type Context } from '../context';
import { CreatePersonInput, DeletePersonInput, DeletePersonPayload, PersonPayload, UpdatePersonInput } from './person.inputs';
import { createPerson, deletePerson, updatePerson } from './person.writes';

@Resolver()
export class PersonMutationResolver {
  @Mutation(() => PersonPayload, { description: "Creates the signed-in account's profile (admins: a profile no account owns)." })
  async createPerson(@Arg('input') input: CreatePersonInput, @Ctx() { db, viewer, loaders }: Context): Promise<PersonPayload> {
    const person = await createPerson(db, viewer, input);
    forgetProfileReads(loaders);
    return { person };
  }

  @Mutation(() => PersonPayload, { description: 'Changes the given fields of a profile (owner or admin).' })
  async updatePerson(@Arg('input') input: UpdatePersonInput, @Ctx() { db, viewer, loaders }: Context): Promise<PersonPayload> {
    const person = await updatePerson(db, viewer, input);
    forgetProfileReads(loaders);
    return { person };
  }

  @Mutation(() => DeletePersonPayload, { description: 'Deletes a profile with its roles, degrees and skill links (owner or admin).' })
  async deletePerson(@Arg('input') input: DeletePersonInput, @Ctx() { db, viewer, loaders }: Context): Promise<DeletePersonPayload> {
    await deletePerson(db, viewer, input);
    forgetProfileReads(loaders);
    return { deletedPersonId: input.id };
  }
}
