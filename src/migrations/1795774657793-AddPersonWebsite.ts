import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddPersonWebsite1795774657793 implements MigrationInterface {
    name = 'AddPersonWebsite1795774657793'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" ADD "website" character varying(2048)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "website"`);
    }

}
