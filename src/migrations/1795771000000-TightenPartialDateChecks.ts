import type { MigrationInterface, QueryRunner } from 'typeorm';

// The first checks let through months 13-99 and days 32-99; partialDateCheck() now allows only
// months 01-12 and days 01-31. TypeORM does not compare CHECK expressions, so this migration is
// written by hand and must change whenever partialDateCheck() does.
const columns = [
  ['role', 'role_start_date_check', 'startDate'],
  ['role', 'role_end_date_check', 'endDate'],
  ['degree', 'degree_start_date_check', 'startDate'],
  ['degree', 'degree_end_date_check', 'endDate'],
] as const;

const strict = '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$';
const loose = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';

async function replaceChecks(queryRunner: QueryRunner, pattern: string): Promise<void> {
  for (const [table, constraint, column] of columns) {
    await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
    await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" CHECK ("${column}" ~ '${pattern}')`);
  }
}

export class TightenPartialDateChecks1795771000000 implements MigrationInterface {
  name = 'TightenPartialDateChecks1795771000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await replaceChecks(queryRunner, strict);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await replaceChecks(queryRunner, loose);
  }
}
