import { canonicalSkillName } from '../skill/skill-names';
import { skillSlug } from '../skill/skill-slug';
import { Random } from './prng';
import { skillCategories, type SkillCategory } from './skill-categories';
import { aspectsByCategory, practices } from './words/generated-skill-parts';
import { industries } from './words/industries';
import { headSkills, realSkillsByCategory } from './words/real-skills';

export interface CatalogueSkill {
  name: string;
  slug: string;
  category: SkillCategory;
}

export const catalogueSize = 2000;

// The catalogue is the same whatever --seed says: skills are shared with real profiles and
// should not change name or number from one load to the next.
const catalogueSeed = 0x5c1e7;

/**
 * About 2,000 skills, most popular first: the real ones (every real skill of the seed profile
 * among them), then plausible narrower ones made from them ("PostgreSQL Replication") and from
 * business topics ("Payments Compliance"). Unique by slug.
 */
export function buildSkillCatalogue(size = catalogueSize): CatalogueSkill[] {
  const catalogue = new Map<string, CatalogueSkill>();
  const add = (name: string, category: SkillCategory) => {
    const canonical = canonicalSkillName(name);
    const slug = skillSlug(canonical);
    if (catalogue.size < size && slug && !catalogue.has(slug)) catalogue.set(slug, { name: canonical, slug, category });
  };

  const categoryOf = realSkillCategories();
  for (const name of headSkills) add(name, categoryOf.get(name) ?? 'Tools');
  for (const [name, category] of roundRobin(skillCategories.map((c) => realSkillsByCategory[c].map((n) => [n, c] as const)))) {
    add(name, category);
  }
  const real = [...catalogue.values()];
  const random = Random.for(catalogueSeed);
  const narrower = roundRobin([shuffled(random, technologyAspects(real)), shuffled(random, topicPractices())]);
  for (const [name, category] of narrower) add(name, category);
  return [...catalogue.values()];
}

function realSkillCategories(): Map<string, SkillCategory> {
  const categories = new Map<string, SkillCategory>();
  for (const category of skillCategories) {
    for (const name of realSkillsByCategory[category]) if (!categories.has(name)) categories.set(name, category);
  }
  return categories;
}

/** Takes the first of each list, then the second of each, and so on. */
function roundRobin<T>(lists: readonly (readonly T[])[]): T[] {
  const result: T[] = [];
  const longest = Math.max(...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) result.push(list[i] as T);
  return result;
}

function shuffled<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

// Only the better-known technologies get narrower skills: nobody lists "COBOL Plugins".
function technologyAspects(real: readonly CatalogueSkill[]): [string, SkillCategory][] {
  return real
    .slice(0, 400)
    .flatMap((skill) =>
      (aspectsByCategory[skill.category] ?? []).map((aspect): [string, SkillCategory] => [`${skill.name} ${aspect}`, skill.category]),
    );
}

function topicPractices(): [string, SkillCategory][] {
  return industries.flatMap((industry) =>
    industry.topics.flatMap((topic) =>
      practices.map(({ practice, category }): [string, SkillCategory] => [`${titleCase(topic)} ${practice}`, category]),
    ),
  );
}

function titleCase(phrase: string): string {
  return phrase.replace(/(^|\s)([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}
