import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { notFound } from '../common/errors';
import { personAfterWrite } from '../common/payloads';
import { addEntry, removeEntry, reorderEntries, updateEntry, type Section } from '../common/section-writes';
import { forgetProfileReads, type Context } from '../context';
import { PersonPayload } from '../person/person.inputs';
import { AddRoleInput, RemoveRoleInput, RemoveRolePayload, ReorderRolesInput, RolePayload, UpdateRoleInput } from './role.inputs';

const roles: Section = {
  table: 'role',
  typeName: 'Role',
  columns: ['title', 'company', 'location', 'startDate', 'endDate', 'isCurrent', 'description', 'highlights'],
  required: ['isCurrent', 'highlights'],
};

async function rolePayload(context: Context, roleId: number): Promise<RolePayload> {
  forgetProfileReads(context.loaders);
  const role = await context.loaders.roleById.load(roleId);
  if (!role) throw notFound('Role', String(roleId));
  return { role, person: await personAfterWrite(context, role.personId) };
}

@Resolver()
export class RoleMutationResolver {
  @Mutation(() => RolePayload, { description: 'Adds a work role to a profile (owner or admin).' })
  async addRole(@Arg('input') input: AddRoleInput, @Ctx() context: Context): Promise<RolePayload> {
    return rolePayload(context, await addEntry(context.db, context.viewer, roles, { ...input }));
  }

  @Mutation(() => RolePayload, { description: 'Changes the given fields of a role; null clears one.' })
  async updateRole(@Arg('input') input: UpdateRoleInput, @Ctx() context: Context): Promise<RolePayload> {
    return rolePayload(context, await updateEntry(context.db, context.viewer, roles, { ...input }));
  }

  @Mutation(() => RemoveRolePayload, { description: 'Removes a role from its profile.' })
  async removeRole(@Arg('input') input: RemoveRoleInput, @Ctx() context: Context): Promise<RemoveRolePayload> {
    const personId = await removeEntry(context.db, context.viewer, roles, input);
    return { removedRoleId: input.id, person: await personAfterWrite(context, personId) };
  }

  @Mutation(() => PersonPayload, { description: "Puts a person's roles in the order given." })
  async reorderRoles(@Arg('input') input: ReorderRolesInput, @Ctx() context: Context): Promise<PersonPayload> {
    const personId = await reorderEntries(context.db, context.viewer, roles, { ...input, ids: input.roleIds }, 'roleIds');
    return { person: await personAfterWrite(context, personId) };
  }
}
