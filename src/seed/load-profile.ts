import type { DataSource, EntityManager } from 'typeorm';
import { Degree } from '../degree/degree.entity';
import { Role } from '../role/role.entity';
import { replaceSkillLinks, resolveSkillIds } from '../skill/skill-links';
import { notePersonChanged } from '../change-events/after-commit';
import type { SeedProfile } from './seed-profile';

/**
 * Writes a whole profile, replacing whatever the person with that handle had, in one transaction:
 * loading the same profile twice leaves one copy. `owner` is the JWT subject that may edit it
 * (kept if the person already has one). Returns the person's id.
 */
export function loadProfile(db: DataSource, profile: SeedProfile, owner: string | null = null): Promise<number> {
  return db.transaction((manager) => writeProfile(manager, profile, owner));
}

/** loadProfile's work, inside a transaction the caller holds. */
export async function writeProfile(manager: EntityManager, profile: SeedProfile, owner: string | null): Promise<number> {
  const personId = await upsertPerson(manager, profile, owner);
  await manager.delete(Role, { personId });
  await manager.delete(Degree, { personId });
  if (profile.roles.length) {
    await manager.insert(
      Role,
      profile.roles.map((role, position) => ({ ...role, personId, position })),
    );
  }
  if (profile.degrees.length) {
    await manager.insert(
      Degree,
      profile.degrees.map((degree, position) => ({ ...degree, personId, position })),
    );
  }
  await replaceSkillLinks(manager, personId, await resolveSkillIds(manager, profile.skills));
  notePersonChanged(manager, personId);
  return personId;
}

async function upsertPerson(manager: EntityManager, profile: SeedProfile, owner: string | null): Promise<number> {
  const [{ id }] = await manager.query<[{ id: number }]>(
    `INSERT INTO person (handle, name, headline, summary, location, availability, email, phone,
                         "authorizedToWorkIn", "jobCategories", subject, website)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (lower(handle)) DO UPDATE SET
       handle = EXCLUDED.handle, name = EXCLUDED.name, headline = EXCLUDED.headline,
       summary = EXCLUDED.summary, location = EXCLUDED.location, availability = EXCLUDED.availability,
       email = EXCLUDED.email, phone = EXCLUDED.phone, website = EXCLUDED.website,
       "authorizedToWorkIn" = EXCLUDED."authorizedToWorkIn", "jobCategories" = EXCLUDED."jobCategories",
       subject = COALESCE(person.subject, EXCLUDED.subject), version = person.version + 1, "updatedAt" = now()
     RETURNING id`,
    [
      profile.handle,
      profile.name,
      profile.headline,
      profile.summary,
      profile.location,
      profile.availability,
      profile.email,
      profile.phone,
      profile.authorizedToWorkIn,
      profile.jobCategories,
      owner,
      profile.website,
    ],
  );
  return id;
}

/**
 * Loads the profiles into a database that holds no one yet (a first start); true if it did. Each
 * seed profile belongs to the subject named like its handle (`npm run token -- --sub petercai`).
 */
export async function seedIfEmpty(db: DataSource, profiles: readonly SeedProfile[]): Promise<boolean> {
  const [{ empty }] = await db.query<[{ empty: boolean }]>('SELECT NOT EXISTS (SELECT 1 FROM person) AS empty');
  if (!empty) return false;
  for (const profile of profiles) await loadProfile(db, profile, profile.handle);
  return true;
}
