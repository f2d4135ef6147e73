import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { notFound } from '../common/errors';
import { personAfterWrite } from '../common/payloads';
import { addEntry, removeEntry, reorderEntries, updateEntry, type Section } from '../common/section-writes';
import { forgetProfileReads, type Context } from '../context';
import { PersonPayload } from '../person/person.inputs';
import {
  AddDegreeInput,
  DegreePayload,
  RemoveDegreeInput,
  RemoveDegreePayload,
  ReorderDegreesInput,
  UpdateDegreeInput,
} from './degree.inputs';

const degrees: Section = {
  table: 'degree',
  typeName: 'Degree',
  columns: ['institution', 'degree', 'field', 'startDate', 'endDate', 'description'],
  required: ['institution'],
};

async function degreePayload(context: Context, degreeId: number): Promise<DegreePayload> {
  forgetProfileReads(context.loaders);
  const degree = await context.loaders.degreeById.load(degreeId);
  if (!degree) throw notFound('Degree', String(degreeId));
  return { degree, person: await personAfterWrite(context, degree.personId) };
}

@Resolver()
export class DegreeMutationResolver {
  @Mutation(() => DegreePayload, { description: 'Adds a degree to a profile (owner or admin).' })
  async addDegree(@Arg('input') input: AddDegreeInput, @Ctx() context: Context): Promise<DegreePayload> {
    return degreePayload(context, await addEntry(context.db, context.viewer, degrees, { ...input }));
  }

  @Mutation(() => DegreePayload, { description: 'Changes the given fields of a degree; null clears one.' })
  async updateDegree(@Arg('input') input: UpdateDegreeInput, @Ctx() context: Context): Promise<DegreePayload> {
    return degreePayload(context, await updateEntry(context.db, context.viewer, degrees, { ...input }));
  }

  @Mutation(() => RemoveDegreePayload, { description: 'Removes a degree from its profile.' })
  async removeDegree(@Arg('input') input: RemoveDegreeInput, @Ctx() context: Context): Promise<RemoveDegreePayload> {
    const personId = await removeEntry(context.db, context.viewer, degrees, input);
    return { removedDegreeId: input.id, person: await personAfterWrite(context, personId) };
  }

  @Mutation(() => PersonPayload, { description: "Puts a person's degrees in the order given." })
  async reorderDegrees(@Arg('input') input: ReorderDegreesInput, @Ctx() context: Context): Promise<PersonPayload> {
    const personId = await reorderEntries(context.db, context.viewer, degrees, { ...input, ids: input.degreeIds }, 'degreeIds');
    return { person: await personAfterWrite(context, personId) };
  }
}
