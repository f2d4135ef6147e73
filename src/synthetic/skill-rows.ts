import type { ClientBase } from 'pg';
import type { CatalogueSkill } from './catalogue';

/**
 * The skill id of every catalogue entry, in catalogue order. Skills already in the directory (the
 * seed profile's, people's own) are reused by slug and keep their spelling; the others are added.
 * A catalogue category fills an empty one but never overwrites one.
 */
export async function catalogueSkillIds(client: ClientBase, catalogue: readonly CatalogueSkill[]): Promise<number[]> {
  const names = catalogue.map((skill) => skill.name);
  const slugs = catalogue.map((skill) => skill.slug);
  const categories = catalogue.map((skill) => skill.category);
  await client.query(
    `INSERT INTO skill (name, slug, category) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    [names, slugs, categories],
  );
  await client.query(
    `UPDATE skill SET category = c.category FROM unnest($1::text[], $2::text[]) AS c(slug, category)
     WHERE skill.slug = c.slug AND skill.category IS NULL`,
    [slugs, categories],
  );
  const { rows } = await client.query<{ id: number; slug: string }>('SELECT id, slug FROM skill WHERE slug = ANY($1::text[])', [slugs]);
  const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  return catalogue.map((skill) => {
    const id = idBySlug.get(skill.slug);
    // Only a skill spelt like a catalogue name but slugged differently (not by skillSlug) gets here.
    if (id === undefined) throw new Error(`Skill ${JSON.stringify(skill.name)} exists under another slug; rename it or remove it`);
    return id;
  });
}
