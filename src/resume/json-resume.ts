import resumeSchema from '@jsonresume/schema/schema.json';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { textProblem } from '../common/acceptable-text';
import { isPartialDate } from '../common/partial-date';
import type { SeedProfile } from '../seed/seed-profile';
import type { JsonResume, ResumeEducation, ResumeLocation, ResumeSkill, ResumeWork } from './json-resume.types';

export type * from './json-resume.types';

/*
 * JSON Resume <-> SeedProfile. What a profile holds and JSON Resume does not (availability,
 * authorizedToWorkIn, jobCategories, the handle) is not exported and comes back null / []; what
 * JSON Resume holds and a profile does not (volunteer, awards, projects, URLs but basics.url, score, level, ...)
 * is ignored. Where the two differ in shape:
 * - location: a profile holds one human string. Importing joins city, region and countryCode with
 *   ", ", falling back to the street address only when none of those is given; exporting writes
 *   the string as `address`, which imports back unchanged.
 * - isCurrent: JSON Resume marks a current job by leaving out endDate, so importing derives it
 *   (a start and no end) and exporting writes only the dates.
 * - degree description: education has no prose field in the schema. It is read from and written to
 *   an extra `summary` (named after work[].summary; the schema allows extra properties and themes
 *   skip it). Without one, the course list becomes the description, one course per line.
 * - name and institution cannot be null in a profile: a document without them gives ''.
 */

export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

export interface ResumeProblem {
  /** JSON pointer to the offending value ('' is the document itself). */
  path: string;
  message: string;
}

export type ResumeValidation = { ok: true; resume: JsonResume } | { ok: false; problems: ResumeProblem[] };

type Role = SeedProfile['roles'][number];
type Degree = SeedProfile['degrees'][number];

// Compiling is far slower than validating, so it happens once. `verbose` puts the offending value
// on each error, for the message.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);
const matchesSchema = ajv.compile<JsonResume>(resumeSchema);

const DATE_SCHEMA_PATTERN = '#/definitions/iso8601/pattern';
const DATE_MESSAGE = 'must be a real date YYYY, YYYY-MM or YYYY-MM-DD';

/** Checks a document against the JSON Resume schema and the dates the profile model accepts. */
export function validateResume(document: unknown): ResumeValidation {
  // The schema has no top-level type, so on its own it would take 42 or [] for a résumé.
  if (!isRecord(document)) {
    return { ok: false, problems: [{ path: '', message: `must be a JSON Resume object; got ${describe(document)}` }] };
  }
  const valid = matchesSchema(document);
  const problems = valid ? [] : (matchesSchema.errors ?? []).map(schemaProblem);
  const reported = new Set(problems.map((problem) => problem.path));
  problems.push(...[...modelProblems(document), ...textProblems(document)].filter((problem) => !reported.has(problem.path)));
  return valid && problems.length === 0 ? { ok: true, resume: document } : { ok: false, problems };
}

function schemaProblem(error: ErrorObject): ResumeProblem {
  // The schema's own message for a date is its regular expression, which helps no one.
  const message = error.schemaPath === DATE_SCHEMA_PATTERN ? DATE_MESSAGE : (error.message ?? 'is invalid');
  return { path: error.instancePath, message: `${message}; got ${describe(error.data)}` };
}

/** What the schema lets through but a profile cannot hold. */
function modelProblems(document: Record<string, unknown>): ResumeProblem[] {
  const problems: ResumeProblem[] = [];
  for (const section of ['work', 'education'] as const) {
    const entries: unknown = document[section];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: unknown, index) => {
      if (!isRecord(entry)) return;
      const path = `/${section}/${index}`;
      // The schema's date pattern admits months 13-19, days 32-39 and 2019-02-30.
      for (const field of ['startDate', 'endDate']) {
        const value = entry[field];
        if (typeof value === 'string' && !isPartialDate(value)) {
          problems.push({ path: `${path}/${field}`, message: `${DATE_MESSAGE}; got ${describe(value)}` });
        }
      }
      // Our education `summary` is not in the schema, so nothing else checks it.
      if (section === 'education' && entry.summary !== undefined && typeof entry.summary !== 'string') {
        problems.push({ path: `${path}/summary`, message: `must be string; got ${describe(entry.summary)}` });
      }
    });
  }
  return problems;
}

/** Every key and string in the document, against the service's one text policy. */
function textProblems(value: unknown, path = ''): ResumeProblem[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? [{ path, message: problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => textProblems(item, `${path}/${index}`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const here = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const problem = textProblem(key);
    return [...(problem ? [{ path: here, message: `(the key) ${problem}` }] : []), ...textProblems(item, here)];
  });
}

/** The profile a JSON Resume document describes, for the person with this handle. */
export function resumeToProfile(handle: string, resume: JsonResume): SeedProfile {
  const basics = resume.basics ?? {};
  return {
    handle,
    name: text(basics.name) ?? '',
    headline: text(basics.label),
    summary: text(basics.summary),
    location: locationText(basics.location),
    availability: null,
    email: text(basics.email),
    phone: text(basics.phone),
    website: text(basics.url),
    authorizedToWorkIn: [],
    jobCategories: [],
    roles: (resume.work ?? []).map(toRole),
    degrees: (resume.education ?? []).map(toDegree),
    skills: skillNames(resume.skills ?? []),
  };
}

function locationText(location: ResumeLocation | undefined): string | null {
  const place = texts([location?.city, location?.region, location?.countryCode]);
  return place.length ? place.join(', ') : text(location?.address);
}

function toRole(work: ResumeWork): Role {
  const startDate = text(work.startDate);
  const endDate = text(work.endDate);
  return {
    title: text(work.position),
    company: text(work.name),
    location: text(work.location),
    startDate,
    endDate,
    isCurrent: startDate !== null && endDate === null,
    description: text(work.summary),
    highlights: texts(work.highlights),
  };
}

function toDegree(education: ResumeEducation): Degree {
  return {
    institution: text(education.institution) ?? '',
    degree: text(education.studyType),
    field: text(education.area),
    startDate: text(education.startDate),
    endDate: text(education.endDate),
    description: text(education.summary) ?? (texts(education.courses).join('\n') || null),
  };
}

/** Each skill's name, then its keywords; a name met again in another case is the same skill. */
function skillNames(skills: ResumeSkill[]): string[] {
  const firstSpelling = new Map<string, string>();
  for (const skill of skills) {
    for (const name of texts([skill.name, ...(skill.keywords ?? [])])) {
      const key = name.toLowerCase();
      if (!firstSpelling.has(key)) firstSpelling.set(key, name);
    }
  }
  return [...firstSpelling.values()];
}

/** A JSON Resume document of the profile, valid for validateResume. */
export function profileToResume(profile: SeedProfile): JsonResume {
  const location = text(profile.location);
  return compact({
    $schema: JSON_RESUME_SCHEMA_URL,
    basics: compact({
      name: text(profile.name),
      label: text(profile.headline),
      email: text(profile.email),
      phone: text(profile.phone),
      url: text(profile.website),
      summary: text(profile.summary),
      location: location === null ? null : { address: location },
    }),
    work: profile.roles.map((role) =>
      compact({
        name: text(role.company),
        position: text(role.title),
        location: text(role.location),
        startDate: text(role.startDate),
        endDate: text(role.endDate),
        summary: text(role.description),
        highlights: texts(role.highlights),
      }),
    ),
    education: profile.degrees.map((degree) =>
      compact({
        institution: text(degree.institution),
        studyType: text(degree.degree),
        area: text(degree.field),
        startDate: text(degree.startDate),
        endDate: text(degree.endDate),
        summary: text(degree.description),
      }),
    ),
    skills: texts(profile.skills).map((name) => ({ name })),
  });
}

/** The object without its empty members: the schema rejects null where it expects a string. */
function compact<T extends object>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  const kept = Object.entries(value).filter(([, member]) => !isEmpty(member));
  return Object.fromEntries(kept) as { [K in keyof T]?: NonNullable<T[K]> };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** A trimmed string, or null for anything else and for an empty string. */
function text(value: unknown): string | null {
  return typeof value === 'string' ? value.trim() || null : null;
}

function texts(values: readonly unknown[] | undefined): string[] {
  return (values ?? []).map(text).filter((value): value is string => value !== null);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects and arrays were answered above
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
