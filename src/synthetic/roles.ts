import type { JobCategory } from './job-categories';
import { capitalize, type Phrasing, sentences } from './phrasing';
import type { SyntheticRole } from './people';
import type { Random } from './prng';
import { highlights, roleSentences } from './templates';
import { career, partialDate, type DatePrecision, type Stint } from './timeline';
import type { Place, Vocabulary } from './vocabulary';

const roleCounts = [3, 4, 5, 6, 7, 8];
const roleCountWeights = [20, 28, 24, 15, 8, 5];

/** 3–8 roles, newest first, over `years` of career that end at `lastMonth`. */
export function generateRoles(
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
