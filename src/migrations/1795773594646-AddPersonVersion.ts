import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddPersonVersion1795773594646 implements MigrationInterface {
    name = 'AddPersonVersion1795773594646'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" ADD "version" integer NOT NULL DEFAULT '1'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "version"`);
    }

}
