import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Person } from './person.entity';

/**
 * The full-text document of each profile: name, headline, summary and every role's title, company
 * and description, weighted in that order. A narrow table of its own keeps searches from reading
 * wide person rows; triggers (in the MarketplaceSearch migration) keep it current on every write.
 */
@Entity('person_search')
// A GIN index, in the migration: TypeORM cannot declare its access method.
@Index('person_search_document_idx', { synchronize: false })
export class PersonSearch {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'person_search_pkey' })
  personId!: number;

  @Column({ type: 'tsvector' })
  document!: string;

  // Declared so that TypeORM knows the foreign key; never loaded.
  @OneToOne(() => Person, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'personId', foreignKeyConstraintName: 'person_search_person_id_fkey' })
  person?: Person;
}
