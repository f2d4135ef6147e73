import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../common/node';

@ObjectType({ implements: Node, description: 'A skill, technology or tool, spelt one canonical way.' })
// Federation entity keys (src/federation/): other subgraphs refer to a skill by global ID or slug.
@Directive('@key(fields: "id")')
@Directive('@key(fields: "slug")')
@Entity('skill')
@Index('skill_slug_key', ['slug'], { unique: true })
@Index('skill_name_key', ['name'], { unique: true })
// The directory by popularity walks this index (backwards for most popular first).
@Index('skill_people_count_id_idx', ['peopleCount', 'id'])
// In the migration, as TypeORM cannot declare them: trigrams of lower(name) for autocomplete, and
// name in ICU order for the directory's name order.
@Index('skill_name_trgm_idx', { synchronize: false })
@Index('skill_name_icu_id_idx', { synchronize: false })
export class Skill {
  @PrimaryGeneratedColumn('identity', { primaryKeyConstraintName: 'skill_pkey' })
  id!: number;

  @Field({ description: 'Canonical spelling (`PostgreSQL`).' })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'URL-safe, lower-case key (`postgresql`, `node-js`).' })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => String, { nullable: true, description: 'Broad kind of skill (`Languages`, `Databases`, `Cloud`), if known.' })
  @Column({ type: 'text', nullable: true })
  category!: string | null;

  // Kept by triggers on person_skill (see the MarketplaceSearch migration), so that ordering the
  // directory by popularity reads an index instead of counting millions of links per request.
  @Field(() => Int, { description: 'How many people list this skill.' })
  @Column({ type: 'integer', default: 0 })
  peopleCount!: number;

  // How many of them are in the search sample (kept by triggers, migration SearchSample): broad
  // searches scale a facet's count in the sample by peopleCount / samplePeopleCount, which
  // cancels how far the sample's share of this skill's people strays from one in eight.
  @Column({ type: 'integer', default: 0 })
  samplePeopleCount!: number;
}
