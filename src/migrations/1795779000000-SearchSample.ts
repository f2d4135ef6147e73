import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The sample that broad searches estimate totals and facets from (src/person/people-estimate.ts):
 * a compact copy of one search row in eight, chosen by hashed person id, with GIN indexes of its
 * own. Compact on purpose: the same rows picked out of person_search by a partial index lie on
 * half of its pages, so reading them cost nearly what reading every match did. A trigger on
 * person_search keeps it current; bulk loads, which disable triggers, call
 * refresh_person_search_sample() afterwards.
 */
export class SearchSample1795779000000 implements MigrationInterface {
    name = 'SearchSample1795779000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "skill" ADD "samplePeopleCount" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE TABLE "person_search_sample" ("personId" integer NOT NULL, "document" tsvector NOT NULL, "skillIds" integer array NOT NULL DEFAULT '{}', CONSTRAINT "person_search_sample_pkey" PRIMARY KEY ("personId"))`);
        await queryRunner.query(`SET LOCAL statement_timeout = 0`);
        await queryRunner.query(`CREATE INDEX "person_search_sample_document_idx" ON "person_search_sample" USING gin ("document")`);
        await queryRunner.query(`CREATE INDEX "person_search_sample_skill_ids_idx" ON "person_search_sample" USING gin ("skillIds")`);
        // The one definition of who is in the sample; people-estimate.ts says the same.
        await queryRunner.query(`
            CREATE FUNCTION in_search_sample("personId" int) RETURNS boolean
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN (hashint4("personId") & 7) = 0`);
        // skill.samplePeopleCount follows the sample, as skill.peopleCount follows person_skill.
        await queryRunner.query(`
            CREATE FUNCTION count_sample_skill_people(added int[], removed int[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                -- Lock the counters in id order first, as count_skill_people does: no deadlocks.
                PERFORM 1 FROM skill WHERE id = ANY(added || removed) ORDER BY id FOR UPDATE;
                UPDATE skill s SET "samplePeopleCount" = s."samplePeopleCount" + c.delta
                FROM (
                    SELECT id, sum(delta)::int AS delta
                    FROM (SELECT unnest(added) AS id, 1 AS delta UNION ALL SELECT unnest(removed), -1) d
                    GROUP BY id
                ) c
                WHERE s.id = c.id AND c.delta <> 0;
            END $$`);
        await queryRunner.query(`
            CREATE FUNCTION person_search_sample_follow() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                old_ids int[] := '{}';
                new_ids int[] := '{}';
            BEGIN
                IF TG_OP <> 'INSERT' AND in_search_sample(OLD."personId") THEN
                    old_ids := OLD."skillIds";
                    DELETE FROM person_search_sample WHERE "personId" = OLD."personId";
                END IF;
                IF TG_OP <> 'DELETE' AND in_search_sample(NEW."personId") THEN
                    new_ids := NEW."skillIds";
                    INSERT INTO person_search_sample ("personId", document, "skillIds") VALUES (NEW."personId", NEW.document, NEW."skillIds");
                END IF;
                -- Only the skills that changed: the person_skill write behind it has locked exactly
                -- those (count_skill_people), so this takes no lock another writer could hold.
                IF old_ids IS DISTINCT FROM new_ids THEN
                    PERFORM count_sample_skill_people(
                        array(SELECT unnest(new_ids) EXCEPT ALL SELECT unnest(old_ids)),
                        array(SELECT unnest(old_ids) EXCEPT ALL SELECT unnest(new_ids)));
                END IF;
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER person_search_sample_follow AFTER INSERT OR UPDATE OR DELETE ON person_search FOR EACH ROW EXECUTE FUNCTION person_search_sample_follow()`);
        await queryRunner.query(`
            CREATE FUNCTION refresh_person_search_sample() RETURNS void LANGUAGE sql AS $$
                DELETE FROM person_search_sample;
                INSERT INTO person_search_sample ("personId", document, "skillIds")
                SELECT "personId", document, "skillIds" FROM person_search WHERE in_search_sample("personId");
                UPDATE skill s SET "samplePeopleCount" = coalesce(c.count, 0)
                FROM skill t LEFT JOIN (
                    SELECT skill AS "skillId", count(*)::int AS count FROM person_search_sample, unnest("skillIds") skill GROUP BY skill
                ) c ON c."skillId" = t.id
                WHERE s.id = t.id AND s."samplePeopleCount" IS DISTINCT FROM coalesce(c.count, 0);
            $$`);
        await queryRunner.query(`SELECT refresh_person_search_sample()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER person_search_sample_follow ON person_search`);
        await queryRunner.query(`DROP FUNCTION refresh_person_search_sample()`);
        await queryRunner.query(`DROP FUNCTION person_search_sample_follow()`);
        await queryRunner.query(`DROP FUNCTION count_sample_skill_people(int[], int[])`);
        await queryRunner.query(`DROP FUNCTION in_search_sample(int)`);
        await queryRunner.query(`DROP TABLE "person_search_sample"`);
        await queryRunner.query(`ALTER TABLE "skill" DROP COLUMN "samplePeopleCount"`);
    }
}
