import type { MigrationInterface, QueryRunner } from "typeorm";

export class MarketplaceSearch1795778576850 implements MigrationInterface {
    name = 'MarketplaceSearch1795778576850'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "person_search" ("personId" integer NOT NULL, "document" tsvector NOT NULL, "skillIds" integer array NOT NULL DEFAULT '{}', CONSTRAINT "person_search_pkey" PRIMARY KEY ("personId"))`);
        await queryRunner.query(`ALTER TABLE "skill" ADD "category" text`);
        await queryRunner.query(`ALTER TABLE "skill" ADD "peopleCount" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE INDEX "person_updated_at_id_idx" ON "person"  ("updatedAt", "id") `);
        await queryRunner.query(`CREATE INDEX "skill_people_count_id_idx" ON "skill"  ("peopleCount", "id") `);
        await queryRunner.query(`ALTER TABLE "person_search" ADD CONSTRAINT "person_search_person_id_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        // Bulk work below (backfills, index builds) may take longer than the app's statement timeout.
        await queryRunner.query(`SET LOCAL statement_timeout = 0`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

        // Indexes TypeORM cannot declare (GIN, expressions, collations); the entities name them with
        // synchronize: false so that the drift check leaves them alone.
        await queryRunner.query(`CREATE INDEX "person_search_document_idx" ON "person_search" USING gin ("document")`);
        await queryRunner.query(`CREATE INDEX "person_search_skill_ids_idx" ON "person_search" USING gin ("skillIds")`);
        await queryRunner.query(`CREATE INDEX "skill_name_trgm_idx" ON "skill" USING gin (lower("name") gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "person_name_icu_id_idx" ON "person" ("name" COLLATE "und-x-icu", "id")`);
        await queryRunner.query(`CREATE INDEX "skill_name_icu_id_idx" ON "skill" ("name" COLLATE "und-x-icu", "id")`);
        await queryRunner.query(`CREATE INDEX "person_availability_lower_idx" ON "person" (lower("availability"))`);
        await queryRunner.query(`CREATE INDEX "person_location_trgm_idx" ON "person" USING gin (lower("location") gin_trgm_ops)`);
        await queryRunner.query(`
            CREATE FUNCTION lower_text_array(text[]) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN (SELECT coalesce(array_agg(lower(item)), '{}') FROM unnest($1) AS item)`);
        await queryRunner.query(`CREATE INDEX "person_job_categories_idx" ON "person" USING gin (lower_text_array("jobCategories"))`);
        await queryRunner.query(`CREATE INDEX "person_authorized_to_work_in_idx" ON "person" USING gin (lower_text_array("authorizedToWorkIn"))`);

        // The search document: one definition of what is searched and how each part weighs.
        await queryRunner.query(`
            CREATE FUNCTION person_search_document(name text, headline text, summary text, titles text, companies text, descriptions text)
            RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN setweight(to_tsvector('english', coalesce(name, '')), 'A')
                || setweight(to_tsvector('english', coalesce(headline, '')), 'B')
                || setweight(to_tsvector('english', coalesce(titles, '')), 'B')
                || setweight(to_tsvector('english', coalesce(companies, '')), 'B')
                || setweight(to_tsvector('english', coalesce(summary, '')), 'C')
                || setweight(to_tsvector('english', coalesce(descriptions, '')), 'D')`);
        // Set-based, so that a bulk load can rebuild many people in one statement.
        await queryRunner.query(`
            CREATE FUNCTION refresh_person_search(ids int[]) RETURNS void LANGUAGE sql AS $$
                INSERT INTO person_search ("personId", document, "skillIds")
                SELECT p.id, person_search_document(p.name, p.headline, p.summary, r.titles, r.companies, r.descriptions),
                    coalesce(k."skillIds", '{}')
                FROM person p
                LEFT JOIN (
                    SELECT "personId",
                        string_agg(title, ' ' ORDER BY position) AS titles,
                        string_agg(company, ' ' ORDER BY position) AS companies,
                        string_agg(description, ' ' ORDER BY position) AS descriptions
                    FROM role WHERE "personId" = ANY(ids) GROUP BY "personId"
                ) r ON r."personId" = p.id
                LEFT JOIN (
                    -- Not "ids": in SQL functions a column name hides the parameter of the same name.
                    SELECT "personId", array_agg("skillId" ORDER BY "skillId") AS "skillIds"
                    FROM person_skill WHERE "personId" = ANY(ids) GROUP BY "personId"
                ) k ON k."personId" = p.id
                WHERE p.id = ANY(ids)
                ON CONFLICT ("personId") DO UPDATE SET document = EXCLUDED.document, "skillIds" = EXCLUDED."skillIds"
            $$`);
        // A profile's skills change without its text: only the ids are rebuilt then.
        await queryRunner.query(`
            CREATE FUNCTION refresh_person_skill_ids(ids int[]) RETURNS void LANGUAGE sql AS $$
                UPDATE person_search ps SET "skillIds" = coalesce(
                    (SELECT array_agg("skillId" ORDER BY "skillId") FROM person_skill l WHERE l."personId" = ps."personId"), '{}')
                WHERE ps."personId" = ANY(ids)
            $$`);
        await queryRunner.query(`
            CREATE FUNCTION person_search_after_person_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM refresh_person_search(ARRAY[NEW.id]);
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER person_search_insert AFTER INSERT ON person FOR EACH ROW EXECUTE FUNCTION person_search_after_person_write()`);
        await queryRunner.query(`
            CREATE TRIGGER person_search_update AFTER UPDATE OF name, headline, summary ON person FOR EACH ROW
            WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.headline IS DISTINCT FROM NEW.headline OR OLD.summary IS DISTINCT FROM NEW.summary)
            EXECUTE FUNCTION person_search_after_person_write()`);
        // Statement-level, with transition tables: a profile write that replaces eight roles
        // rebuilds the document once, not eight times.
        await queryRunner.query(`
            CREATE FUNCTION person_search_after_role_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM refresh_person_search(array(SELECT DISTINCT "personId" FROM new_rows));
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM refresh_person_search(array(SELECT "personId" FROM new_rows UNION SELECT "personId" FROM old_rows));
                ELSE
                    PERFORM refresh_person_search(array(SELECT DISTINCT "personId" FROM old_rows));
                END IF;
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER role_search_insert AFTER INSERT ON role REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_search_after_role_write()`);
        await queryRunner.query(`CREATE TRIGGER role_search_update AFTER UPDATE ON role REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_search_after_role_write()`);
        await queryRunner.query(`CREATE TRIGGER role_search_delete AFTER DELETE ON role REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_search_after_role_write()`);

        // skill.peopleCount follows person_skill.
        await queryRunner.query(`
            CREATE FUNCTION count_skill_people(added int[], removed int[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                -- Lock the counters in id order first: concurrent writers then cannot deadlock on them.
                PERFORM 1 FROM skill WHERE id = ANY(added || removed) ORDER BY id FOR UPDATE;
                UPDATE skill s SET "peopleCount" = s."peopleCount" + c.delta
                FROM (
                    SELECT id, sum(delta)::int AS delta
                    FROM (SELECT unnest(added) AS id, 1 AS delta UNION ALL SELECT unnest(removed), -1) d
                    GROUP BY id
                ) c
                WHERE s.id = c.id AND c.delta <> 0;
            END $$`);
        await queryRunner.query(`
            CREATE FUNCTION skill_people_after_link_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM count_skill_people(array(SELECT "skillId" FROM new_rows), '{}');
                    PERFORM refresh_person_skill_ids(array(SELECT DISTINCT "personId" FROM new_rows));
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM count_skill_people(array(SELECT "skillId" FROM new_rows), array(SELECT "skillId" FROM old_rows));
                    PERFORM refresh_person_skill_ids(array(SELECT "personId" FROM new_rows UNION SELECT "personId" FROM old_rows));
                ELSE
                    PERFORM count_skill_people('{}', array(SELECT "skillId" FROM old_rows));
                    PERFORM refresh_person_skill_ids(array(SELECT DISTINCT "personId" FROM old_rows));
                END IF;
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER skill_people_insert AFTER INSERT ON person_skill REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skill_people_after_link_write()`);
        await queryRunner.query(`CREATE TRIGGER skill_people_update AFTER UPDATE ON person_skill REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skill_people_after_link_write()`);
        await queryRunner.query(`CREATE TRIGGER skill_people_delete AFTER DELETE ON person_skill REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION skill_people_after_link_write()`);
        // For bulk loads, which disable the triggers and recount once.
        await queryRunner.query(`
            CREATE FUNCTION recount_skill_people() RETURNS void LANGUAGE sql AS $$
                UPDATE skill s SET "peopleCount" = coalesce(c.count, 0)
                FROM skill t LEFT JOIN (SELECT "skillId", count(*)::int AS count FROM person_skill GROUP BY "skillId") c ON c."skillId" = t.id
                WHERE s.id = t.id AND s."peopleCount" IS DISTINCT FROM coalesce(c.count, 0)
            $$`);

        await queryRunner.query(`SELECT refresh_person_search(array(SELECT id FROM person))`);
        await queryRunner.query(`SELECT recount_skill_people()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER skill_people_delete ON person_skill`);
        await queryRunner.query(`DROP TRIGGER skill_people_update ON person_skill`);
        await queryRunner.query(`DROP TRIGGER skill_people_insert ON person_skill`);
        await queryRunner.query(`DROP TRIGGER role_search_delete ON role`);
        await queryRunner.query(`DROP TRIGGER role_search_update ON role`);
        await queryRunner.query(`DROP TRIGGER role_search_insert ON role`);
        await queryRunner.query(`DROP TRIGGER person_search_update ON person`);
        await queryRunner.query(`DROP TRIGGER person_search_insert ON person`);
        await queryRunner.query(`DROP FUNCTION recount_skill_people()`);
        await queryRunner.query(`DROP FUNCTION skill_people_after_link_write()`);
        await queryRunner.query(`DROP FUNCTION count_skill_people(int[], int[])`);
        await queryRunner.query(`DROP FUNCTION person_search_after_role_write()`);
        await queryRunner.query(`DROP FUNCTION person_search_after_person_write()`);
        await queryRunner.query(`DROP FUNCTION refresh_person_skill_ids(int[])`);
        await queryRunner.query(`DROP FUNCTION refresh_person_search(int[])`);
        await queryRunner.query(`DROP FUNCTION person_search_document(text, text, text, text, text, text)`);
        await queryRunner.query(`DROP INDEX "person_authorized_to_work_in_idx"`);
        await queryRunner.query(`DROP INDEX "person_job_categories_idx"`);
        await queryRunner.query(`DROP FUNCTION lower_text_array(text[])`);
        await queryRunner.query(`DROP INDEX "person_location_trgm_idx"`);
        await queryRunner.query(`DROP INDEX "person_availability_lower_idx"`);
        await queryRunner.query(`DROP INDEX "skill_name_icu_id_idx"`);
        await queryRunner.query(`DROP INDEX "person_name_icu_id_idx"`);
        await queryRunner.query(`DROP INDEX "skill_name_trgm_idx"`);
        await queryRunner.query(`DROP INDEX "person_search_skill_ids_idx"`);
        await queryRunner.query(`DROP INDEX "person_search_document_idx"`);
        await queryRunner.query(`ALTER TABLE "person_search" DROP CONSTRAINT "person_search_person_id_fkey"`);
        await queryRunner.query(`DROP INDEX "public"."skill_people_count_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."person_updated_at_id_idx"`);
        await queryRunner.query(`ALTER TABLE "skill" DROP COLUMN "peopleCount"`);
        await queryRunner.query(`ALTER TABLE "skill" DROP COLUMN "category"`);
        await queryRunner.query(`DROP TABLE "person_search"`);
    }

}
