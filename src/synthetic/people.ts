import type { SeedProfile } from '../seed/seed-profile';
import { syntheticEmail, syntheticHandle, syntheticPhone, syntheticWebsite } from './identity';
import type { JobCategory } from './job-categories';
import { capitalize, Phrasing, sentences } from './phrasing';
import { Random } from './prng';
import { degreeNotes, headlines, highlights, roleSentences, summarySentences } from './templates';
import { career, monthOf, partialDate, profileTimes, type DatePrecision, type Stint } from './timeline';
import type { Place, Vocabulary } from './vocabulary';
import { countryNames, euCountries } from './words/countries';

export type SyntheticRole = SeedProfile['roles'][number];
export type SyntheticDegree = SeedProfile['degrees'][number];

/** One generated profile, ready to be written as rows. */
export interface SyntheticPerson extends Omit<SeedProfile, 'skills'> {
  /** The owning account: `synthetic|<n>`, which is how a later run finds what to replace. */
  subject: string;
  createdAt: number;
  updatedAt: number;
  /** Indexes into the vocabulary's skill catalogue, in profile order. */
  skills: number[];
}

export const syntheticSubjectPrefix = 'synthetic|';

export interface GenerateOptions {
  seed: number;
  /** Handles that other (non-synthetic) profiles already use, lower-cased. */
  isHandleTaken: (handle: string) => boolean;
}

/** Person number `n` (1-based) of the data set: the same for the same seed, whatever else is generated. */
export function generatePerson(n: number, vocabulary: Vocabulary, options: GenerateOptions): SyntheticPerson {
  const random = Random.for(options.seed, n);
  const first = vocabulary.firstNames.draw(random);
  const last = vocabulary.lastNames.draw(random);
  const name = random.chance(0.08) ? `${first} ${String.fromCharCode(65 + random.int(0, 25))}. ${last}` : `${first} ${last}`;
  const handle = syntheticHandle(random, first, last, n, options.isHandleTaken);
  const place = random.chance(0.97) ? vocabulary.places.draw(random) : null;
  const jobs = jobCategoriesOf(random, vocabulary);
  const skills = vocabulary.skillChooser.choose(random, jobs, 10 + Math.floor(41 * random.next() ** 1.6));
  const years = 2 + Math.floor(23 * random.next() ** 1.8);
  const phrasing = new Phrasing(random, vocabulary, {
    skills: skills.map((i) => vocabulary.skills[i]?.name ?? ''),
    industries: vocabulary.industries.drawDistinct(random, random.chance(0.35) ? 2 : 1),
    yearsOfExperience: years,
  });
  const times = profileTimes(random, n);
  const roles = generateRoles(phrasing, vocabulary, jobs, place, years, monthOf(times.updatedAt));
  const newest = roles[0];
  const lastYear = new Date(times.updatedAt).getUTCFullYear();

  return {
    subject: `${syntheticSubjectPrefix}${n}`,
    handle,
    name,
    headline: random.chance(0.98) ? headlineFor(phrasing, newest) : null,
    summary: random.chance(0.95) ? sentences(phrasing, summarySentences, { target: random.int(120, 260), max: 300, most: 4 }) : null,
    location: place?.label ?? null,
    availability: random.chance(0.85) ? vocabulary.availabilities.draw(random) : null,
    email: syntheticEmail(random, first, last, n),
    phone: random.chance(0.2) ? syntheticPhone(random) : null,
    website: random.chance(0.3) ? syntheticWebsite(random, handle) : null,
    authorizedToWorkIn: workAuthorization(random, place),
    jobCategories: jobs.map((job) => job.name),
    createdAt: times.createdAt,
    updatedAt: times.updatedAt,
    roles,
    degrees: generateDegrees(phrasing, vocabulary, place, lastYear - years, lastYear),
    skills,
  };
}

function jobCategoriesOf(random: Random, vocabulary: Vocabulary): JobCategory[] {
  return vocabulary.jobCategories.drawDistinct(random, random.chance(0.4) ? 2 : 1);
}

// Country names, as the location shows them, since search filters match a whole value.
function workAuthorization(random: Random, place: Place | null): string[] {
  if (!place || random.chance(0.08)) return [];
  const countries = [countryNames[place.country] ?? place.country];
  if (euCountries.has(place.country) && random.chance(0.4)) countries.push('European Union');
  if (place.country !== 'US' && random.chance(0.05)) countries.push(countryNames.US as string);
  return countries;
}

function headlineFor(phrasing: Phrasing, newest: SyntheticRole | undefined): string {
  return phrasing.pick(headlines)(phrasing, newest?.title ?? 'Engineer', newest?.company ?? phrasing.company());
}

const roleCounts = [3, 4, 5, 6, 7, 8];
const roleCountWeights = [15, 25, 25, 18, 10, 7];

function generateRoles(
  phrasing: Phrasing,
  vocabulary: Vocabulary,
  jobs: readonly JobCategory[],
  place: Place | null,
  years: number,
  lastMonth: number,
): SyntheticRole[] {
  const { random } = phrasing;
  const count = roleCounts[random.weighted(roleCountWeights)] as number;
  const precision: DatePrecision = random.chance(0.65) ? 'month' : 'year';
  const stints = career(random, count, years, lastMonth, random.chance(0.55));
  const careerStart = (stints.at(-1) as Stint).startMonth;
  let company = vocabulary.companies.draw(random);
  return stints.map((stint, position): SyntheticRole => {
    // A promotion often keeps the employer of the next (newer) role.
    if (position > 0 && !random.chance(0.15)) company = vocabulary.companies.draw(random);
    const job = jobs.length > 1 && random.chance(0.25) ? jobs[1] : jobs[0];
    const undated = position === count - 1 && random.chance(0.03);
    return {
      title: job ? titleFor(random, job, (stint.startMonth - careerStart) / 12) : null,
      company,
      location: roleLocation(random, place),
      startDate: undated ? null : partialDate(stint.startMonth, precision),
      endDate: stint.endMonth === null ? null : partialDate(stint.endMonth, precision),
      isCurrent: stint.endMonth === null,
      // Mostly short: the search document (and to_tsvector's time) grows with every character.
      description: roleDescription(phrasing),
      highlights: Array.from({ length: [0, 0, 0, 0, 1, 1, 2, 3][random.int(0, 7)] as number }, () =>
        capitalize(phrasing.pick(highlights)(phrasing)),
      ),
    };
  });
}

// Mostly short, 100 to 250 characters: the search document, and to_tsvector's time, grows with
// every character of every role.
function roleDescription(phrasing: Phrasing): string {
  const target = 100 + Math.floor(120 * phrasing.random.next() ** 2.5);
  return sentences(phrasing, roleSentences, { target, max: Math.min(250, target + 50), most: 3 });
}

// Titles that already say how senior they are take no prefix.
const unprefixed = /Head|VP|Director|CTO|Lead|Architect|Owner|Master|Coach/;
const seniorityPrefixes: readonly (readonly string[])[] = [
  ['Junior ', ''],
  [''],
  ['Senior '],
  ['Senior ', 'Lead ', 'Staff '],
  ['Staff ', 'Principal ', 'Lead '],
];

function titleFor(random: Random, job: JobCategory, yearsIn: number): string {
  const title = job.titles[Math.floor(job.titles.length * random.next() ** 2)] as string;
  if (unprefixed.test(title)) return title;
  const level = yearsIn < 2 ? 0 : yearsIn < 5 ? 1 : yearsIn < 9 ? 2 : yearsIn < 14 ? 3 : 4;
  return `${random.pick(seniorityPrefixes[level] as readonly string[])}${title}`;
}

function roleLocation(random: Random, place: Place | null): string | null {
  const where = random.next();
  if (where < 0.45) return null;
  if (where < 0.8 && place) return place.label;
  return 'Remote';
}

type DegreeLevel = 'bachelor' | 'master' | 'doctorate' | 'other';

// Newest first, as a profile lists them.
const degreePaths: readonly (readonly DegreeLevel[])[] = [
  ['bachelor'],
  ['other'],
  ['master', 'bachelor'],
  ['other', 'bachelor'],
  ['doctorate', 'master', 'bachelor'],
  ['other', 'master', 'bachelor'],
];
const degreePathWeights = [47, 8, 28, 7, 6, 4];

function generateDegrees(
  phrasing: Phrasing,
  vocabulary: Vocabulary,
  place: Place | null,
  careerStartYear: number,
  lastYear: number,
): SyntheticDegree[] {
  const { random } = phrasing;
  const path = degreePaths[random.weighted(degreePathWeights)] as readonly DegreeLevel[];
  const dated = random.chance(0.92);
  const field = vocabulary.fieldsOfStudy.draw(random);
  const bachelorEnd = careerStartYear - random.int(0, 1);
  const years: Record<DegreeLevel, [number, number]> = {
    bachelor: [bachelorEnd - random.int(3, 4), bachelorEnd],
    master: [bachelorEnd + random.int(0, 1), bachelorEnd + random.int(2, 3)],
    doctorate: [bachelorEnd + 3, bachelorEnd + random.int(6, 8)],
    other: [careerStartYear + random.int(0, 6), 0],
  };
  years.other[1] = years.other[0] + random.int(0, 1);
  return path.map((level): SyntheticDegree => {
    // A short career leaves no room for a long education after it: nothing ends in the future.
    const end = Math.min(years[level][1], lastYear);
    const start = Math.min(years[level][0], end);
    const degreeField = level === 'bachelor' || random.chance(0.3) ? field : vocabulary.fieldsOfStudy.draw(random);
    return {
      institution: level === 'other' && random.chance(0.6) ? random.pick(vocabulary.schools) : institution(random, vocabulary, place),
      degree: vocabulary.degreeTitles[level].draw(random),
      field: degreeField,
      startDate: dated ? String(start) : null,
      endDate: dated ? String(end) : null,
      description: random.chance(0.3) ? phrasing.pick(degreeNotes)(phrasing, degreeField) : null,
    };
  });
}

// Most people studied in the country they live in.
function institution(random: Random, vocabulary: Vocabulary, place: Place | null): string {
  const local = place && random.chance(0.65) ? vocabulary.placesByCountry.get(place.country) : undefined;
  const city = local ? random.pick(local).city : vocabulary.places.draw(random).city;
  return vocabulary.institutionPatterns.draw(random).replace('{city}', city);
}
