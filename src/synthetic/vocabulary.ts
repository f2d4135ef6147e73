import { buildSkillCatalogue, type CatalogueSkill } from './catalogue';
import { buildCompanies } from './companies';
import { jobCategories, type JobCategory } from './job-categories';
import { SkewedList } from './skewed';
import { cities } from './words/cities';
import { countryNames } from './words/countries';
import { degreeTitles, fieldsOfStudy, institutionPatterns, schools } from './words/education';
import { industries, type Industry } from './words/industries';
import { firstNames, lastNames } from './words/names';
import { adjectives } from './words/adjectives';
import { audiences, metrics } from './words/outcomes';
import { availabilities, teams, venues } from './words/profile-phrases';
import { systemNouns } from './words/system-nouns';
import { verbs } from './words/verbs';
import { SkillChooser } from './skill-chooser';

export interface Place {
  city: string;
  country: string;
  /** As a profile shows it: "Toronto, Canada". */
  label: string;
}

/**
 * Every list the generator draws from, each skewed the way real profiles are: a few very common
 * entries and a long tail. Built once per load; reading it never changes it, so people can be
 * generated in any order.
 */
export interface Vocabulary {
  skills: readonly CatalogueSkill[];
  skillChooser: SkillChooser;
  jobCategories: SkewedList<JobCategory>;
  industries: SkewedList<Industry>;
  topicsByIndustry: ReadonlyMap<string, SkewedList<string>>;
  verbs: SkewedList<string>;
  adjectives: SkewedList<string>;
  systemNouns: SkewedList<string>;
  metrics: SkewedList<string>;
  audiences: SkewedList<string>;
  teams: SkewedList<string>;
  venues: readonly string[];
  companies: SkewedList<string>;
  places: SkewedList<Place>;
  placesByCountry: ReadonlyMap<string, readonly Place[]>;
  firstNames: SkewedList<string>;
  lastNames: SkewedList<string>;
  availabilities: SkewedList<string>;
  fieldsOfStudy: SkewedList<string>;
  institutionPatterns: SkewedList<string>;
  degreeTitles: { [level in keyof typeof degreeTitles]: SkewedList<string> };
  schools: readonly string[];
}

const unique = (items: readonly string[]) => [...new Set(items)];

export function buildVocabulary(): Vocabulary {
  const skills = buildSkillCatalogue();
  const places = cities.map(({ city, country }) => ({ city, country, label: `${city}, ${countryNames[country] ?? country}` }));
  const placesByCountry = new Map<string, Place[]>();
  for (const place of places) placesByCountry.set(place.country, [...(placesByCountry.get(place.country) ?? []), place]);
  const skewed = (items: readonly string[], exponent: number, offset = 0) => new SkewedList(unique(items), { exponent, offset });

  return {
    skills,
    skillChooser: new SkillChooser(skills, jobCategories),
    jobCategories: new SkewedList(jobCategories, { exponent: 0.9, offset: 1 }),
    industries: new SkewedList(industries, { exponent: 0.8, offset: 1 }),
    topicsByIndustry: new Map(industries.map((industry) => [industry.name, skewed(industry.topics, 0.8)])),
    verbs: skewed(verbs, 1),
    adjectives: skewed(adjectives, 0.9, 2),
    systemNouns: skewed(systemNouns, 0.9, 2),
    metrics: skewed(metrics, 0.9, 2),
    audiences: skewed(audiences, 0.9, 2),
    teams: skewed(teams, 0.9),
    venues,
    // A few giants, a long tail of small employers.
    companies: skewed(buildCompanies(), 0.85, 3),
    places: new SkewedList(places, { exponent: 0.95, offset: 1 }),
    placesByCountry,
    firstNames: skewed(firstNames, 0.7, 5),
    lastNames: skewed(lastNames, 0.7, 5),
    availabilities: skewed(availabilities, 1),
    fieldsOfStudy: skewed(fieldsOfStudy, 1.1),
    institutionPatterns: skewed(institutionPatterns, 1.2),
    degreeTitles: {
      bachelor: skewed(degreeTitles.bachelor, 1),
      master: skewed(degreeTitles.master, 1),
      doctorate: skewed(degreeTitles.doctorate, 1),
      other: skewed(degreeTitles.other, 1),
    },
    schools,
  };
}
