import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../common/node';

@ObjectType({ implements: Node, description: 'A skill, technology or tool, spelt one canonical way.' })
@Entity('skill')
@Index('skill_slug_key', ['slug'], { unique: true })
@Index('skill_name_key', ['name'], { unique: true })
export class Skill {
  @PrimaryGeneratedColumn('identity', { primaryKeyConstraintName: 'skill_pkey' })
  id!: number;

  @Field({ description: 'Canonical spelling (`PostgreSQL`).' })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'URL-safe, lower-case key (`postgresql`, `node-js`).' })
  @Column({ type: 'text' })
  slug!: string;
}
