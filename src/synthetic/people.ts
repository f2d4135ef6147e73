import type { SeedProfile } from '../seed/seed-profile';
import { syntheticEmail, syntheticHandle, syntheticPhone, syntheticWebsite } from './identity';
import type { JobCategory } from './job-categories';
import { generateDegrees } from './degrees';
import { Phrasing, sentences } from './phrasing';
import { Random } from './prng';
import { generateRoles } from './roles';
import { headlines, summarySentences } from './templates';
import { monthOf, profileTimes } from './timeline';
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
    summary: random.chance(0.95) ? sentences(phrasing, summarySentences, { target: random.int(100, 220), max: 260, most: 4 }) : null,
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
