import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddContactAndOwner1795772000000 implements MigrationInterface {
    name = 'AddContactAndOwner1795772000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" ADD "email" character varying(254)`);
        await queryRunner.query(`ALTER TABLE "person" ADD "phone" character varying(32)`);
        await queryRunner.query(`ALTER TABLE "person" ADD "subject" text`);
        await queryRunner.query(`CREATE UNIQUE INDEX "person_subject_key" ON "person"  ("subject") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."person_subject_key"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "subject"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "phone"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "email"`);
    }

}
