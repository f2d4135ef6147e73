import { Directive, Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../common/node';
import { PartialDate, partialDateCheck } from '../common/partial-date';
import { Person } from '../person/person.entity';

@ObjectType({ implements: Node, description: "A work role: one entry of a profile's experience." })
// A federation entity (src/federation/), keyed by global ID.
@Directive('@key(fields: "id")')
@Entity('role')
@Index('role_person_id_position_idx', ['personId', 'position'])
@Check('role_start_date_check', partialDateCheck('startDate'))
@Check('role_end_date_check', partialDateCheck('endDate'))
export class Role {
  @PrimaryGeneratedColumn('identity', { primaryKeyConstraintName: 'role_pkey' })
  id!: number;

  @Column({ type: 'integer' })
  personId!: number;

  // Declared so that TypeORM knows the foreign key; never loaded. Reads go through personId and loaders.
  @ManyToOne(() => Person, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'personId', foreignKeyConstraintName: 'role_person_id_fkey' })
  owner?: Person;

  /** 0 is the top of the profile (most recent). */
  @Column({ type: 'integer' })
  position!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  company!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Field(() => PartialDate, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate!: string | null;

  @Field(() => PartialDate, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  @Field({ description: 'True while the person still holds this role.' })
  @Column({ type: 'boolean', default: false })
  isCurrent!: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'Key accomplishments, one sentence each.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  highlights!: string[];
}
