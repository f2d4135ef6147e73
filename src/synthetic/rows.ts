import { copyArray, copyTimestamp, copyValue as v } from './copy-format';
import type { SyntheticPerson } from './people';

/** The tables a load writes, with the columns in the order the rows below give them. */
export const copyColumns = {
  person: [
    'id',
    'handle',
    'name',
    'headline',
    'summary',
    'location',
    'availability',
    'email',
    'phone',
    'website',
    '"authorizedToWorkIn"',
    '"jobCategories"',
    'subject',
    '"createdAt"',
    '"updatedAt"',
  ],
  role: [
    'id',
    '"personId"',
    'position',
    'title',
    'company',
    'location',
    '"startDate"',
    '"endDate"',
    '"isCurrent"',
    'description',
    'highlights',
  ],
  degree: ['id', '"personId"', 'position', 'institution', 'degree', 'field', '"startDate"', '"endDate"', 'description'],
  person_skill: ['"personId"', '"skillId"', 'position'],
} as const;

export type CopyTable = keyof typeof copyColumns;

/**
 * Where a person's rows get their ids. Every person owns a fixed block of role and degree ids
 * (as many as a person can have), so any range of people can be written without knowing how many
 * roles the people before it had: ids have gaps, which identity columns do not mind.
 */
export interface IdBases {
  person: number;
  role: number;
  degree: number;
}

export const rolesPerPersonAtMost = 8;
export const degreesPerPersonAtMost = 3;

export function personId(bases: IdBases, n: number): number {
  return bases.person + n;
}

// Rows are built by concatenation: a load writes some 3 million of them, and building an array
// per row costs more than generating the person.

/** The COPY text of one person's rows in each table. */
export function personRows(person: SyntheticPerson, n: number, bases: IdBases, skillIds: readonly number[]): Record<CopyTable, string> {
  if (person.roles.length > rolesPerPersonAtMost || person.degrees.length > degreesPerPersonAtMost) {
    throw new Error(`Person ${n} has more roles or degrees than their block of ids holds`);
  }
  const id = personId(bases, n);
  const roleBase = bases.role + (n - 1) * rolesPerPersonAtMost + 1;
  const degreeBase = bases.degree + (n - 1) * degreesPerPersonAtMost + 1;
  let roles = '';
  person.roles.forEach((role, position) => {
    roles += `${roleBase + position}\t${id}\t${position}\t${v(role.title)}\t${v(role.company)}\t${v(role.location)}\t`;
    roles += `${v(role.startDate)}\t${v(role.endDate)}\t${role.isCurrent}\t${v(role.description)}\t${copyArray(role.highlights)}\n`;
  });
  let degrees = '';
  person.degrees.forEach((degree, position) => {
    degrees += `${degreeBase + position}\t${id}\t${position}\t${v(degree.institution)}\t${v(degree.degree)}\t`;
    degrees += `${v(degree.field)}\t${v(degree.startDate)}\t${v(degree.endDate)}\t${v(degree.description)}\n`;
  });
  let skills = '';
  person.skills.forEach((skill, position) => {
    skills += `${id}\t${skillIds[skill]}\t${position}\n`;
  });
  return {
    person:
      `${id}\t${v(person.handle)}\t${v(person.name)}\t${v(person.headline)}\t${v(person.summary)}\t${v(person.location)}\t` +
      `${v(person.availability)}\t${v(person.email)}\t${v(person.phone)}\t${v(person.website)}\t` +
      `${copyArray(person.authorizedToWorkIn)}\t${copyArray(person.jobCategories)}\t${v(person.subject)}\t` +
      `${copyTimestamp(person.createdAt)}\t${copyTimestamp(person.updatedAt)}\n`,
    role: roles,
    degree: degrees,
    person_skill: skills,
  };
}
