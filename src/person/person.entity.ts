import { GraphQLURL } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Node } from '../common/node';

@ObjectType({ implements: Node, description: 'A professional profile: one person and what they have done.' })
// Federation entity keys (src/federation/): other subgraphs refer to a person by global ID or handle.
@Directive('@key(fields: "id")')
@Directive('@key(fields: "handle")')
@Entity('person')
// Handles are unique regardless of case; the expression index lives in the migration.
@Index('person_handle_lower_key', { synchronize: false })
// Keyset pagination of `people` walks this index (newest first, id breaks ties).
@Index('person_created_at_id_idx', ['createdAt', 'id'])
@Index('person_updated_at_id_idx', ['updatedAt', 'id'])
// For search filters and name order; in the migration, as TypeORM cannot declare expression, GIN
// or collated indexes: name in ICU order, lower(availability), trigrams of lower(location), and
// GIN over the two arrays.
@Index('person_name_icu_id_idx', { synchronize: false })
@Index('person_availability_lower_idx', { synchronize: false })
@Index('person_location_trgm_idx', { synchronize: false })
@Index('person_job_categories_idx', { synchronize: false })
@Index('person_authorized_to_work_in_idx', { synchronize: false })
export class Person {
  @PrimaryGeneratedColumn('identity', { primaryKeyConstraintName: 'person_pkey' })
  id!: number;

  @Field({ description: 'Public, URL-safe name of the profile, unique regardless of case (`petercai`).' })
  @Column({ type: 'varchar', length: 39 })
  handle!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'One line under the name.' })
  @Column({ type: 'text', nullable: true })
  headline!: string | null;

  @Field(() => String, { nullable: true, description: 'What the person is looking for, in their own words.' })
  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true, description: 'When and how much the person can work, as they put it.' })
  @Column({ type: 'text', nullable: true })
  availability!: string | null;

  // Contact details have no @Field here: PersonResolver shows them to the owner and admins only.
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Field(() => GraphQLURL, { nullable: true, description: "The person's own site." })
  @Column({ type: 'varchar', length: 2048, nullable: true })
  website!: string | null;

  /** The JWT subject of the account that owns this profile; never exposed. */
  @Index('person_subject_key', { unique: true })
  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Field(() => [String], { description: 'Countries or regions the person may work in.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  authorizedToWorkIn!: string[];

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  jobCategories!: string[];

  /** Bumped by every write to the profile; an update naming an older version is a CONFLICT. */
  @Field(() => Int, { description: 'Pass it back with an update: a stale version is refused with CONFLICT.' })
  @Column({ type: 'integer', default: 1 })
  version!: number;

  // Millisecond precision so that a JavaScript Date in a cursor round-trips exactly.
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
