import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../person/person.entity';
import { Skill } from './skill.entity';

/** A skill on a person's profile, in the order the person lists them. */
@Entity('person_skill')
// "Who has this skill" reads this index without touching the table.
@Index('person_skill_skill_id_person_id_idx', ['skillId', 'personId'])
export class PersonSkill {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'person_skill_pkey' })
  personId!: number;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'person_skill_pkey' })
  skillId!: number;

  /** 0 is the first skill the person lists. */
  @Column({ type: 'integer' })
  position!: number;

  // Declared so that TypeORM knows the foreign keys; never loaded.
  @ManyToOne(() => Person, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'personId', foreignKeyConstraintName: 'person_skill_person_id_fkey' })
  person?: Person;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'skillId', foreignKeyConstraintName: 'person_skill_skill_id_fkey' })
  skill?: Skill;
}
