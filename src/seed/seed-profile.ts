/** A whole profile as seed data: the person, then each section in profile order. */
export interface SeedProfile {
  handle: string;
  name: string;
  headline: string | null;
  summary: string | null;
  location: string | null;
  availability: string | null;
  /** Contact details: shown only to the person themselves and to admins. */
  email: string | null;
  phone: string | null;
  /** The person's own site. */
  website: string | null;
  authorizedToWorkIn: string[];
  jobCategories: string[];
  roles: {
    title: string | null;
    company: string | null;
    location: string | null;
    startDate: string | null;
    endDate: string | null;
    isCurrent: boolean;
    description: string | null;
    highlights: string[];
  }[];
  degrees: {
    institution: string;
    degree: string | null;
    field: string | null;
    startDate: string | null;
    endDate: string | null;
    description: string | null;
  }[];
  /** Skill names, in the order the person lists them. */
  skills: string[];
}
