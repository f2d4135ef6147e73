import type { DataSource } from 'typeorm';
import { primaryOf } from '../database/replica-of';

// Skill ids by slug, kept for the life of the process. Search filters pass skill ids as values
// rather than as `(SELECT id FROM skill WHERE slug = …)`: only then does the planner know which
// skill it is, and so how common, and pick a plan to suit (start from a rare skill, or from the
// text search when the skills are common). Skills are never renamed or deleted, so an id once
// known stays right; a slug not known yet is looked up at most once a second, and sooner once
// a write creates it here or, through Redis, on another instance (change-events/shared-caches.ts).
// A read replica shares its primary's cache, and lookups go to the primary: a replica that has not
// replayed a new skill yet must not make it unknown (database/replica-of.ts).
// The catalogue (a few thousand skills, ~100 kB) is read whole when the server starts, so that the
// first search naming a skill costs no statement more than the next one.

const retryUnknownAfterMs = 1000;
// Clients choose what they search for: the memory of misses must not grow without bound.
const maxUnknownRemembered = 10_000;

class SkillIds {
  private readonly ids = new Map<string, number>();
  private readonly unknownSince = new Map<string, number>();

  /** Whether news of other instances' writes can reach this one; while not, nothing is kept. */
  trusted: () => boolean = () => true;

  constructor(private readonly db: DataSource) {}

  /** Reads every skill's id at once; a later miss looks up only its own slugs. */
  async preload(): Promise<void> {
    const rows = await this.db.query<{ id: number; slug: string }[]>('SELECT id, slug FROM skill');
    for (const { id, slug } of rows) this.ids.set(slug, id);
  }

  /** These slugs may name skills now. */
  forget(slugs: readonly string[]): void {
    for (const slug of slugs) this.unknownSince.delete(slug);
  }

  /** After news may have been missed. */
  forgetAll(): void {
    this.ids.clear();
    this.unknownSince.clear();
  }

  /** The ids of the slugs that name a skill; slugs that name none are left out. */
  async of(slugs: readonly string[]): Promise<Map<string, number>> {
    if (!this.trusted()) return this.lookUp(slugs);
    const now = Date.now();
    const lookUp = slugs.filter((slug) => !this.ids.has(slug) && now - (this.unknownSince.get(slug) ?? -Infinity) >= retryUnknownAfterMs);
    if (lookUp.length) {
      const rows = await this.db.query<{ id: number; slug: string }[]>('SELECT id, slug FROM skill WHERE slug = ANY($1::text[])', [lookUp]);
      if (this.unknownSince.size + lookUp.length > maxUnknownRemembered) this.unknownSince.clear();
      for (const slug of lookUp) this.unknownSince.set(slug, now);
      for (const { id, slug } of rows) {
        this.ids.set(slug, id);
        this.unknownSince.delete(slug);
      }
    }
    const known = new Map<string, number>();
    for (const slug of slugs) {
      const id = this.ids.get(slug);
      if (id !== undefined) known.set(slug, id);
    }
    return known;
  }

  private async lookUp(slugs: readonly string[]): Promise<Map<string, number>> {
    if (!slugs.length) return new Map();
    const rows = await this.db.query<{ id: number; slug: string }[]>('SELECT id, slug FROM skill WHERE slug = ANY($1::text[])', [slugs]);
    const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
    const known = new Map<string, number>();
    for (const slug of slugs) {
      const id = bySlug.get(slug);
      if (id !== undefined) known.set(slug, id);
    }
    return known;
  }
}

const byDataSource = new WeakMap<DataSource, SkillIds>();

export function skillIds(db: DataSource): SkillIds {
  const primary = primaryOf(db);
  let cache = byDataSource.get(primary);
  if (!cache) {
    cache = new SkillIds(primary);
    byDataSource.set(primary, cache);
  }
  return cache;
}
