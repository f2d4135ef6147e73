import { mayReadContactDetails } from '../auth/viewer';
import type { Context } from '../context';
import type { Person } from '../person/person.entity';
import type { SeedProfile } from '../seed/seed-profile';
import { profileToResume } from './json-resume';
import type { JsonResume } from './json-resume.types';

/**
 * A person's whole profile as a JSON Resume document, read through the request's loaders (so
 * exporting a page of people stays a fixed number of statements) and with contact details only
 * for those allowed to see them.
 */
export async function exportResume(person: Person, { loaders, viewer }: Pick<Context, 'loaders' | 'viewer'>): Promise<JsonResume> {
  const [roles, degrees, skills] = await Promise.all([
    loaders.rolesByPersonId.load({ parentId: person.id, limit: null }),
    loaders.degreesByPersonId.load({ parentId: person.id, limit: null }),
    loaders.skillsByPersonId.load({ parentId: person.id, limit: null }),
  ]);
  const contact = mayReadContactDetails(viewer, person);
  const profile: SeedProfile = {
    handle: person.handle,
    name: person.name,
    headline: person.headline,
    summary: person.summary,
    location: person.location,
    availability: person.availability,
    email: contact ? person.email : null,
    phone: contact ? person.phone : null,
    website: person.website,
    authorizedToWorkIn: person.authorizedToWorkIn,
    jobCategories: person.jobCategories,
    roles: roles.map(({ title, company, location, startDate, endDate, isCurrent, description, highlights }) => ({
      title,
      company,
      location,
      startDate,
      endDate,
      isCurrent,
      description,
      highlights,
    })),
    degrees: degrees.map(({ institution, degree, field, startDate, endDate, description }) => ({
      institution,
      degree,
      field,
      startDate,
      endDate,
      description,
    })),
    skills: skills.map((skill) => skill.name),
  };
  return profileToResume(profile);
}
