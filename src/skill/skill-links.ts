import type { EntityManager } from 'typeorm';
import { canonicalSkillName } from './skill-names';
import { skillSlug } from './skill-slug';

/**
 * The ids of the named skills, in the order named and without repeats, creating the ones that do
 * not exist yet. Names are matched the way people write them: `postgres`, `Postgres` and
 * `postgresql` are all PostgreSQL, and a new skill keeps the canonical spelling.
 */
export async function resolveSkillIds(manager: EntityManager, names: readonly string[]): Promise<number[]> {
  if (!names.length) return [];
  const canonical = names.map(canonicalSkillName);
  await manager.query(
    `INSERT INTO skill (name, slug) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [canonical, canonical.map(skillSlug)],
  );
  return findSkillIds(manager, names);
}

/** The ids of the named skills that exist, in the order named and without repeats. */
export async function findSkillIds(manager: EntityManager, names: readonly string[]): Promise<number[]> {
  if (!names.length) return [];
  const slugs = names.map((name) => skillSlug(canonicalSkillName(name)));
  const rows = await manager.query<{ id: number; slug: string }[]>('SELECT id, slug FROM skill WHERE slug = ANY($1::text[])', [slugs]);
  const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  return [...new Set(slugs.map((slug) => idBySlug.get(slug)))].filter((id): id is number => id !== undefined);
}

/** Replaces a person's skills with these, in this order. */
export async function replaceSkillLinks(manager: EntityManager, personId: number, skillIds: readonly number[]): Promise<void> {
  await manager.query('DELETE FROM person_skill WHERE "personId" = $1', [personId]);
  await appendSkillLinks(manager, personId, skillIds);
}

/** Adds skills after the person's last one, skipping those already listed. */
export async function appendSkillLinks(manager: EntityManager, personId: number, skillIds: readonly number[]): Promise<void> {
  if (!skillIds.length) return;
  await manager.query(
    `INSERT INTO person_skill ("personId", "skillId", position)
     SELECT $1, added.id, coalesce((SELECT max(position) + 1 FROM person_skill WHERE "personId" = $1), 0) + added.n - 1
     FROM unnest($2::int[]) WITH ORDINALITY AS added(id, n)
     ON CONFLICT ("personId", "skillId") DO NOTHING`,
    [personId, skillIds],
  );
}
