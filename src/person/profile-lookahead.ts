import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import { listLimit } from '../common/connection';

// A field that returns a person reads, before anything is loaded, which sections of the profile
// its selection shows, so that the person's loader brings them in the same statement and the
// sections' own field resolvers answer from their loaders' cache. Reading the selection must
// agree with what graphql will then resolve: fragments and inline fragments that apply to a
// Person, @include/@skip with the request's variables, every alias of a section with its own
// `first`. Whatever it misses still works (the section's loader reads it, one statement more);
// whatever it added would be read for nothing, so it takes only what the query shows.

export const sectionNames = ['roles', 'degrees', 'skills'] as const;
export type SectionName = (typeof sectionNames)[number];

/**
 * For each section of a profile, every list size the selection asks for (null: the whole list,
 * as without `first`), sorted, each once; empty when the section is not selected.
 */
export type ProfileSections = Readonly<Record<SectionName, readonly (number | null)[]>>;

export const noSections: ProfileSections = { roles: [], degrees: [], skills: [] };

/** A person to load by `key`, with the sections of their profile to bring along. */
export interface ProfileKey<K> {
  key: K;
  sections: ProfileSections;
}

function isSectionName(name: string): name is SectionName {
  return (sectionNames as readonly string[]).includes(name);
}

interface Reading {
  info: GraphQLResolveInfo;
  person: GraphQLObjectType;
  found: Record<SectionName, Set<number | null>>;
}

/** graphql-js's rule for @skip and @include on a field, fragment spread or inline fragment. */
function isIncluded(node: FieldNode | FragmentSpreadNode | InlineFragmentNode, variables: GraphQLResolveInfo['variableValues']): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** Whether a fragment with this type condition applies to an object of `type`. */
function appliesTo(typeCondition: NamedTypeNode | undefined, type: GraphQLObjectType, info: GraphQLResolveInfo): boolean {
  if (!typeCondition) return true;
  const condition = info.schema.getType(typeCondition.name.value);
  return condition === type || (isAbstractType(condition) && info.schema.isSubType(condition, type));
}

/** The list size a section field asks for; undefined when its resolver will refuse it (it says why). */
function requestedLimit(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: GraphQLResolveInfo['variableValues']) {
  try {
    const { first } = getArgumentValues(field, node, variables);
    return listLimit('first', first as number | null | undefined);
  } catch {
    return undefined;
  }
}

function read(selectionSet: SelectionSetNode, reading: Reading): void {
  const { info, person, found } = reading;
  for (const selection of selectionSet.selections) {
    if (!isIncluded(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const field = person.getFields()[name];
      if (!isSectionName(name) || !field) continue;
      const limit = requestedLimit(field, selection, info.variableValues);
      if (limit !== undefined) found[name].add(limit);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    if (fragment && appliesTo(fragment.typeCondition, person, info)) read(fragment.selectionSet, reading);
  }
}

const byLimit = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

/** The selection sets of the current field, as graphql will resolve it. */
function ownSelections(info: GraphQLResolveInfo): SelectionSetNode[] {
  // graphql-js passes only the nodes it includes; graphql-jit may pass every node of the field.
  return info.fieldNodes.flatMap((node) => (node.selectionSet && isIncluded(node, info.variableValues) ? [node.selectionSet] : []));
}

/** The selection sets of every field `name` (under any alias) of these selections of a `type`. */
function fieldSelections(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], type: GraphQLObjectType, name: string) {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!isIncluded(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name && selection.selectionSet) found.push(selection.selectionSet);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      if (fragment && appliesTo(fragment.typeCondition, type, info)) visit(fragment.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return found;
}

/** The sections that these selection sets of a Person show. */
function sectionsShown(info: GraphQLResolveInfo, personSelections: readonly SelectionSetNode[]): ProfileSections {
  const person = info.schema.getType('Person');
  if (!isObjectType(person)) return noSections;
  const reading: Reading = { info, person, found: { roles: new Set(), degrees: new Set(), skills: new Set() } };
  for (const set of personSelections) read(set, reading);
  const { roles, degrees, skills } = reading.found;
  if (roles.size + degrees.size + skills.size === 0) return noSections;
  return { roles: [...roles].sort(byLimit), degrees: [...degrees].sort(byLimit), skills: [...skills].sort(byLimit) };
}

/** The sections of a profile that the current field's selection shows, for a Person it returns. */
export function profileSections(info: GraphQLResolveInfo): ProfileSections {
  return sectionsShown(info, ownSelections(info));
}

/**
 * The sections of the profiles that the current field's selection shows, for a connection of
 * people it returns: under `nodes` and under `edges { node }`, every alias of either.
 */
export function listedProfileSections(info: GraphQLResolveInfo): ProfileSections {
  const connection = getNamedType(info.returnType);
  const edge = isObjectType(connection) ? getNamedType(connection.getFields().edges?.type) : undefined;
  if (!isObjectType(connection) || !isObjectType(edge)) return noSections;
  const own = ownSelections(info);
  const edges = fieldSelections(info, own, connection, 'edges');
  return sectionsShown(info, [...fieldSelections(info, own, connection, 'nodes'), ...fieldSelections(info, edges, edge, 'node')]);
}

/** The same string for the same sections (a DataLoader cache key). */
export function sectionsCacheKey(sections: ProfileSections): string {
  return sectionNames.map((name) => sections[name].map((limit) => limit ?? 'all').join(',')).join('|');
}
