import { fromGlobalId } from '../../../src/common/node';
import type { OperationName } from '../../operations';
import { firstDifference } from '../../benchmark/first-difference';

// The service and PostGraphile answer in different shapes and encodings (global ids, cursors,
// timestamps), so their answers are compared in a form common to both: the same people, roles,
// degrees and skills, field by field, in the same order. Cursors are each server's own and are
// not compared; whether there is a next page is.

type Maybe<T> = T | null;

interface Role {
  id?: string;
  title: Maybe<string>;
  company: Maybe<string>;
  location?: Maybe<string>;
  startDate: Maybe<string>;
  endDate: Maybe<string>;
  isCurrent?: boolean;
  description?: Maybe<string>;
  highlights?: string[];
}

interface Degree {
  id: string;
  institution: string;
  degree: Maybe<string>;
  field: Maybe<string>;
  startDate: Maybe<string>;
  endDate: Maybe<string>;
  description: Maybe<string>;
}

interface Skill {
  id?: string;
  name: string;
  slug?: string;
  category?: Maybe<string>;
}

/** The fields both servers' people have by the same names. */
interface PersonFields {
  id?: string;
  handle: string;
  name: string;
  headline: Maybe<string>;
  summary?: Maybe<string>;
  location?: Maybe<string>;
  availability?: Maybe<string>;
  website?: Maybe<string>;
  authorizedToWorkIn?: string[];
  jobCategories?: string[];
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

interface ServicePerson extends PersonFields {
  roles: Role[];
  degrees?: Degree[];
  skills: Skill[];
}

interface PostGraphilePerson extends PersonFields {
  rolesByPersonId: { nodes: Role[] };
  degreesByPersonId?: { nodes: Degree[] };
  personSkillsByPersonId: { nodes: { skillBySkillId: Skill }[] };
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: Maybe<string>;
}

interface ServiceAnswer {
  data?: { person?: Maybe<ServicePerson>; people?: { edges: { node: ServicePerson }[]; pageInfo: PageInfo } };
}

interface PostGraphileAnswer {
  data?: {
    personByHandle?: Maybe<PostGraphilePerson>;
    allPeople?: { edges: { node: PostGraphilePerson }[]; pageInfo: PageInfo };
  };
  errors?: { message: string }[];
}

/** `Person:12` from either server's global id (the service's `Type:id`, PostGraphile's `["Type",id]`). */
function rowId(id: string | undefined, server: 'service' | 'postgraphile'): string | undefined {
  if (id === undefined) return undefined;
  if (server === 'service') {
    const decoded = fromGlobalId(id);
    return decoded ? `${decoded.typeName}:${decoded.id}` : `undecodable ${id}`;
  }
  try {
    const [typeName, key] = JSON.parse(Buffer.from(id, 'base64').toString('utf8')) as [string, number];
    return `${typeName}:${key}`;
  } catch {
    return `undecodable ${id}`;
  }
}

// Timestamps: the service writes milliseconds and Z, PostGraphile microseconds and +00:00.
const instant = (text: string | undefined) => (text === undefined ? undefined : new Date(text).toISOString());
// The service's URL scalar respells what is stored (new URL); PostGraphile returns it as stored.
const url = (text: Maybe<string> | undefined) => (text ? new URL(text).toString() : text);

/** One person in the common form; keys in one order, whichever server it came from. */
function common(person: PersonFields, roles: Role[], degrees: Degree[] | undefined, skills: Skill[], server: 'service' | 'postgraphile') {
  return {
    id: rowId(person.id, server),
    handle: person.handle,
    name: person.name,
    headline: person.headline,
    summary: person.summary,
    location: person.location,
    availability: person.availability,
    website: url(person.website),
    authorizedToWorkIn: person.authorizedToWorkIn,
    jobCategories: person.jobCategories,
    version: person.version,
    createdAt: instant(person.createdAt),
    updatedAt: instant(person.updatedAt),
    roles: roles.map((role) => ({ ...role, id: rowId(role.id, server) })),
    degrees: degrees?.map((degree) => ({ ...degree, id: rowId(degree.id, server) })),
    skills: skills.map((skill) => ({ ...skill, id: rowId(skill.id, server) })),
  };
}

function fromService(answer: ServiceAnswer): unknown {
  const { person, people } = answer.data ?? {};
  const of = (p: ServicePerson) => common(p, p.roles, p.degrees, p.skills, 'service');
  if (people) return { people: people.edges.map(({ node }) => of(node)), hasNextPage: people.pageInfo.hasNextPage };
  return { person: person ? of(person) : null };
}

function fromPostGraphile(answer: PostGraphileAnswer): unknown {
  const { personByHandle, allPeople } = answer.data ?? {};
  const of = (p: PostGraphilePerson) =>
    common(
      p,
      p.rolesByPersonId.nodes,
      p.degreesByPersonId?.nodes,
      p.personSkillsByPersonId.nodes.map(({ skillBySkillId }) => skillBySkillId),
      'postgraphile',
    );
  if (allPeople) return { people: allPeople.edges.map(({ node }) => of(node)), hasNextPage: allPeople.pageInfo.hasNextPage };
  return { person: personByHandle ? of(personByHandle) : null };
}

/** Null when both answers say the same, else what differs, for a message. */
export function differenceFromService(operation: OperationName, serviceAnswer: string, postGraphileAnswer: string): string | null {
  const answer = JSON.parse(postGraphileAnswer) as PostGraphileAnswer;
  if (answer.errors?.length) return `PostGraphile answered ${operation} with errors: ${answer.errors.map((e) => e.message).join('; ')}`;
  const expected = JSON.stringify(fromService(JSON.parse(serviceAnswer) as ServiceAnswer));
  const actual = JSON.stringify(fromPostGraphile(answer));
  return expected === actual ? null : `In the form common to both:\n${firstDifference(expected, actual, 'postgraphile')}`;
}
