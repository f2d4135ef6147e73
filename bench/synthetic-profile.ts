import type { SeedProfile } from '../src/seed/seed-profile';

/** A made-up but complete profile, with as many roles, degrees and skills as asked for. */
export function syntheticProfile(n: number, size = { roles: 4, degrees: 2, skills: 6 }): SeedProfile {
  return {
    handle: `person-${n}`,
    name: `Person ${n}`,
    headline: `Engineer number ${n}`,
    summary: null,
    location: n % 2 ? 'Lisbon' : null,
    availability: null,
    email: `person-${n}@example.com`,
    phone: null,
    website: n % 3 ? null : `https://example.com/~person-${n}`,
    authorizedToWorkIn: ['PT'],
    jobCategories: ['Engineering'],
    roles: Array.from({ length: size.roles }, (_, i) => ({
      title: `Title ${i}`,
      company: `Company ${(n + i) % 7}`,
      location: null,
      startDate: `${2020 - i}`,
      endDate: i === 0 ? null : `${2021 - i}-06`,
      isCurrent: i === 0,
      description: `Role ${i} of person ${n}`,
      highlights: [`Highlight ${i}`],
    })),
    degrees: Array.from({ length: size.degrees }, (_, i) => ({
      institution: `University ${i}`,
      degree: 'BSc',
      field: 'Computer Science',
      startDate: `${2010 + i}`,
      endDate: `${2013 + i}`,
      description: null,
    })),
    // Drawn from a shared pool so that skills have several people each.
    skills: Array.from({ length: size.skills }, (_, i) => `Skill ${(n + i) % 40}`),
  };
}
