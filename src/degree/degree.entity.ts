import { Directive, Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../common/node';
import { PartialDate, partialDateCheck } from '../common/partial-date';
import { Person } from '../person/person.entity';

@ObjectType({ implements: Node, description: "A degree, certification or course: one entry of a profile's education." })
// A federation entity (src/federation/), keyed by global ID.
@Directive('@key(fields: "id")')
@Entity('degree')
@Index('degree_person_id_position_idx', ['personId', 'position'])
@Check('degree_start_date_check', partialDateCheck('startDate'))
@Check('degree_end_date_check', partialDateCheck('endDate'))
export class Degree {
  @PrimaryGeneratedColumn('identity', { primaryKeyConstraintName: 'degree_pkey' })
  id!: number;

  @Column({ type: 'integer' })
  personId!: number;

  // Declared so that TypeORM knows the foreign key; never loaded. Reads go through personId and loaders.
  @ManyToOne(() => Person, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'personId', foreignKeyConstraintName: 'degree_person_id_fkey' })
  owner?: Person;

  /** 0 is the top of the profile. */
  @Column({ type: 'integer' })
  position!: number;

  @Field()
  @Column({ type: 'text' })
  institution!: string;

  @Field(() => String, { nullable: true, description: 'The kind of degree, as written (`Master’s Degree`).' })
  @Column({ type: 'text', nullable: true })
  degree!: string | null;

  @Field(() => String, { nullable: true, description: 'Field of study.' })
  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Field(() => PartialDate, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate!: string | null;

  @Field(() => PartialDate, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;
}
