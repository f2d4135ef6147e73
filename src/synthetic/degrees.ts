import type { Phrasing } from './phrasing';
import type { SyntheticDegree } from './people';
import type { Random } from './prng';
import { degreeNotes } from './templates';
import type { Place, Vocabulary } from './vocabulary';

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

/** 1–3 degrees, newest first, most before the career starts. */
export function generateDegrees(
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
