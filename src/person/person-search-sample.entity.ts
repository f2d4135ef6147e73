import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One person_search row in eight (by hashed person id), copied: broad searches estimate their
 * totals and facets from it (people-estimate.ts). Kept by a trigger on person_search (migration
 * SearchSample); never written by the service itself.
 */
@Entity('person_search_sample')
// GIN indexes, in the migration: TypeORM cannot declare their access method.
@Index('person_search_sample_document_idx', { synchronize: false })
@Index('person_search_sample_skill_ids_idx', { synchronize: false })
export class PersonSearchSample {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'person_search_sample_pkey' })
  personId!: number;

  @Column({ type: 'tsvector' })
  document!: string;

  @Column({ type: 'integer', array: true, default: () => "'{}'" })
  skillIds!: number[];
}
