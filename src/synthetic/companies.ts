import { Random } from './prng';
import { coinedEnds, coinedStarts, companySuffixes, compoundFirsts, compoundSeconds } from './words/company-parts';

export const companyCount = 6000;

// Like the skill catalogue, employers do not depend on --seed.
const companySeed = 0xc0a1;

/**
 * Made-up employers ("Zenova", "Brightpath Labs", "Ironforge Health"), unique, in an order that a
 * skewed draw turns into a few giants and a long tail of small companies.
 */
export function buildCompanies(count = companyCount): string[] {
  const random = Random.for(companySeed);
  const names = new Set<string>();
  for (let attempts = 0; names.size < count && attempts < count * 50; attempts++) {
    const stem = random.chance(0.5)
      ? random.pick(coinedStarts) + random.pick(coinedEnds)
      : random.pick(compoundFirsts) + random.pick(compoundSeconds);
    names.add(random.chance(0.45) ? `${stem} ${random.pick(companySuffixes)}` : stem);
  }
  return [...names];
}
