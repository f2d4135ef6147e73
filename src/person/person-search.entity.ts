import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Person } from './person.entity';

/**
 * What talent search reads of each profile: the full-text document (name, headline, summary and
 * every role's title, company and description, weighted in that order) and the skill ids. A narrow table of its own keeps searches from reading
 * wide person rows; triggers (in the MarketplaceSearch migration) keep it current on every write.
 */
@Entity('person_search')
// GIN indexes, in the migration: TypeORM cannot declare their access method.
@Index('person_search_document_idx', { synchronize: false })
@Index('person_search_skill_ids_idx', { synchronize: false })
export class PersonSearch {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'person_search_pkey' })
  personId!: number;

  @Column({ type: 'tsvector' })
  document!: string;

  /**
   * The person's skills, sorted: "has these skills" becomes one GIN lookup (`@>`) that combines
   * with the text search, and facets count skills from the rows already matched.
   */
  @Column({ type: 'integer', array: true, default: () => "'{}'" })
  skillIds!: number[];

  // Declared so that TypeORM knows the foreign key; never loaded.
  @OneToOne(() => Person, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'personId', foreignKeyConstraintName: 'person_search_person_id_fkey' })
  person?: Person;
}
