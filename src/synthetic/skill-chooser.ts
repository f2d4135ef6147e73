import type { CatalogueSkill } from './catalogue';
import type { JobCategory } from './job-categories';
import type { Random } from './prng';
import { SkewedList, type Skew } from './skewed';

// Calibrated by simulation so that the most popular skill is on about a third of people and the
// median skill on a few in a thousand. The large offset keeps the head flat (a steeper one puts
// one skill on most profiles, and facet counts over it then aggregate millions of rows); the
// steep exponent keeps the tail thin.
const globalSkew: Skew = { exponent: 2.2, offset: 100 };
const categorySkew: Skew = { exponent: 1.6, offset: 25 };
/** How many of a person's skills come from their job category's usual kinds of skill. */
const categoryShare = 0.35;

/** Draws a person's skills as catalogue indexes, partly from what their job category uses. */
export class SkillChooser {
  private readonly global: SkewedList<number>;
  private readonly byJobCategory: Map<string, SkewedList<number>>;

  constructor(skills: readonly CatalogueSkill[], jobCategories: readonly JobCategory[]) {
    const indexes = skills.map((_, i) => i);
    this.global = new SkewedList(indexes, globalSkew);
    this.byJobCategory = new Map(
      jobCategories.map((job) => {
        const kinds = new Set<string>(job.skillCategories);
        const pool = indexes.filter((i) => kinds.has((skills[i] as CatalogueSkill).category));
        return [job.name, new SkewedList(pool, categorySkew)];
      }),
    );
  }

  /** `count` different catalogue indexes, the person's main job category weighing most. */
  choose(random: Random, jobs: readonly JobCategory[], count: number): number[] {
    const chosen = new Set<number>();
    for (let attempts = 0; chosen.size < count && attempts < count * 20; attempts++) {
      const job = jobs.length > 1 && random.chance(0.3) ? jobs[1] : jobs[0];
      const pool = job && random.chance(categoryShare) ? this.byJobCategory.get(job.name) : undefined;
      chosen.add((pool ?? this.global).draw(random));
    }
    return [...chosen];
  }
}
