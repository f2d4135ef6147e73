import { noteSkillsCreated } from '../change-events/after-commit';
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
  // In slug order: a writer creating the same new skills waits on each of them in the same order.
  const created = await manager.query<{ slug: string }[]>(
    `INSERT INTO skill (name, slug) SELECT * FROM unnest($1::text[], $2::text[]) AS new(name, slug) ORDER BY slug
     ON CONFLICT DO NOTHING RETURNING slug`,
    [canonical, canonical.map(skillSlug)],
  );
  // Other instances may remember these slugs as unknown (skill-ids.ts): they hear of them after commit.
  noteSkillsCreated(
    manager,
    created.map((row) => row.slug),
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

/**
 * Locks, in id order, the skill rows whose peopleCount a change of this person's links may update:
 * these and, with `withCurrent`, the ones the person has now. The triggers that keep the counts lock
 * them too, but statement by statement, and each inserted link's foreign key check share-locks its
 * skill in the order given, so two writers on different people with skills in common could each
 * hold what the other needs (a deadlock). Taking them all up front, in one order, makes one wait.
 */
async function lockSkillCounts(manager: EntityManager, personId: number, skillIds: readonly number[], withCurrent: boolean): Promise<void> {
  await manager.query(
    `SELECT 1 FROM skill
     WHERE id = ANY($2::int[]) OR ($3 AND id IN (SELECT "skillId" FROM person_skill WHERE "personId" = $1))
     ORDER BY id FOR UPDATE`,
    [personId, skillIds, withCurrent],
  );
}

async function insertSkillLinks(manager: EntityManager, personId: number, skillIds: readonly number[]): Promise<void> {
  if (!skillIds.length) return;
  await manager.query(
    `INSERT INTO person_skill ("personId", "skillId", position)
     SELECT $1, added.id, coalesce((SELECT max(position) + 1 FROM person_skill WHERE "personId" = $1), 0) + added.n - 1
     FROM unnest($2::int[]) WITH ORDINALITY AS added(id, n)
     ON CONFLICT ("personId", "skillId") DO NOTHING`,
    [personId, skillIds],
  );
}

/** Replaces a person's skills with these, in this order. */
export async function replaceSkillLinks(manager: EntityManager, personId: number, skillIds: readonly number[]): Promise<void> {
  await lockSkillCounts(manager, personId, skillIds, true);
  await manager.query('DELETE FROM person_skill WHERE "personId" = $1', [personId]);
  await insertSkillLinks(manager, personId, skillIds);
}

/** Adds skills after the person's last one, skipping those already listed. */
export async function appendSkillLinks(manager: EntityManager, personId: number, skillIds: readonly number[]): Promise<void> {
  if (!skillIds.length) return;
  await lockSkillCounts(manager, personId, skillIds, false);
  await insertSkillLinks(manager, personId, skillIds);
}

/** Takes these skills off a person's list. */
export async function removeSkillLinks(manager: EntityManager, personId: number, skillIds: readonly number[]): Promise<void> {
  if (!skillIds.length) return;
  await lockSkillCounts(manager, personId, skillIds, false);
  await manager.query('DELETE FROM person_skill WHERE "personId" = $1 AND "skillId" = ANY($2::int[])', [personId, skillIds]);
}
