/**
 * A JSON Resume document (https://jsonresume.org/schema, `@jsonresume/schema` 1.3.1). Every field
 * is optional, as in the schema; the schema also allows properties it does not name, which these
 * types leave out. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
export interface JsonResume {
  $schema?: string;
  basics?: ResumeBasics;
  work?: ResumeWork[];
  volunteer?: ResumeVolunteer[];
  education?: ResumeEducation[];
  awards?: { title?: string; date?: string; awarder?: string; summary?: string }[];
  certificates?: { name?: string; date?: string; url?: string; issuer?: string }[];
  publications?: { name?: string; publisher?: string; releaseDate?: string; url?: string; summary?: string }[];
  skills?: ResumeSkill[];
  languages?: { language?: string; fluency?: string }[];
  interests?: { name?: string; keywords?: string[] }[];
  references?: { name?: string; reference?: string }[];
  projects?: ResumeProject[];
  meta?: { canonical?: string; version?: string; lastModified?: string };
}

export interface ResumeBasics {
  name?: string;
  label?: string;
  image?: string;
  email?: string;
  phone?: string;
  url?: string;
  summary?: string;
  location?: ResumeLocation;
  profiles?: { network?: string; username?: string; url?: string }[];
}

export interface ResumeLocation {
  /** Street address; lines separated by `\n`. */
  address?: string;
  postalCode?: string;
  city?: string;
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  countryCode?: string;
  region?: string;
}

export interface ResumeWork {
  /** The employer. */
  name?: string;
  location?: string;
  /** What the employer is ("Social Media Company"), not what the person did there. */
  description?: string;
  position?: string;
  url?: string;
  startDate?: string;
  endDate?: string;
  summary?: string;
  highlights?: string[];
}

export interface ResumeVolunteer {
  organization?: string;
  position?: string;
  url?: string;
  startDate?: string;
  endDate?: string;
  summary?: string;
  highlights?: string[];
}

export interface ResumeEducation {
  institution?: string;
  url?: string;
  area?: string;
  studyType?: string;
  startDate?: string;
  endDate?: string;
  score?: string;
  courses?: string[];
  /**
   * Not in the schema (which allows extra properties): a prose description of the entry, named
   * after work[].summary. profilegraph writes a degree's description here.
   */
  summary?: string;
}

export interface ResumeSkill {
  name?: string;
  level?: string;
  keywords?: string[];
}

export interface ResumeProject {
  name?: string;
  description?: string;
  highlights?: string[];
  keywords?: string[];
  startDate?: string;
  endDate?: string;
  url?: string;
  roles?: string[];
  entity?: string;
  type?: string;
}
