using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samla.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportFingerprint",
                table: "Services",
                type: "uuid",
                nullable: true);

            // The database clears a service's import fingerprint on every change to the service or its child rows, whatever
            // the writer (see Features/Exchange/Import/ImportFingerprint.cs). Only a change of the fingerprint itself keeps it.
            // Child tables: one statement-level trigger per operation (a COPY of many rows runs it once), with the changed rows
            // as a transition table.
            migrationBuilder.Sql("""
                CREATE FUNCTION samla_services_import_fingerprint() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."ImportFingerprint" IS NOT DISTINCT FROM OLD."ImportFingerprint" THEN NEW."ImportFingerprint" := NULL; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Services_ImportFingerprint_update" BEFORE UPDATE ON "Services"
                    FOR EACH ROW WHEN (NEW."ImportFingerprint" IS NOT NULL) EXECUTE FUNCTION samla_services_import_fingerprint();

                CREATE FUNCTION samla_child_import_fingerprint() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        UPDATE "Services" SET "ImportFingerprint" = NULL
                        WHERE "ImportFingerprint" IS NOT NULL AND "Id" IN (SELECT "ServiceId" FROM new_rows);
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE "Services" SET "ImportFingerprint" = NULL
                        WHERE "ImportFingerprint" IS NOT NULL AND "Id" IN (SELECT "ServiceId" FROM old_rows);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION samla_phones_import_fingerprint() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        UPDATE "Services" SET "ImportFingerprint" = NULL
                        WHERE "ImportFingerprint" IS NOT NULL AND "Id" IN (
                            SELECT "ServiceId" FROM new_rows
                            UNION SELECT c."ServiceId" FROM "Contacts" c JOIN new_rows n ON c."Id" = n."ContactId");
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE "Services" SET "ImportFingerprint" = NULL
                        WHERE "ImportFingerprint" IS NOT NULL AND "Id" IN (
                            SELECT "ServiceId" FROM old_rows
                            UNION SELECT c."ServiceId" FROM "Contacts" c JOIN old_rows o ON c."Id" = o."ContactId");
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in ChildTables)
            {
                var function = table == "Phones" ? "samla_phones_import_fingerprint" : "samla_child_import_fingerprint";
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_ImportFingerprint_insert" AFTER INSERT ON "{table}"
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER "{table}_ImportFingerprint_update" AFTER UPDATE ON "{table}"
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER "{table}_ImportFingerprint_delete" AFTER DELETE ON "{table}"
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    """);
            }
        }

        private static readonly string[] ChildTables =
            ["ServiceAreas", "Languages", "ServiceAttributes", "ServiceAtLocations", "Schedules", "Contacts", "Phones"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ChildTables)
            {
                foreach (var op in new[] { "insert", "update", "delete" }) migrationBuilder.Sql($"""DROP TRIGGER "{table}_ImportFingerprint_{op}" ON "{table}";""");
            }
            migrationBuilder.Sql("""
                DROP TRIGGER "Services_ImportFingerprint_update" ON "Services";
                DROP FUNCTION samla_services_import_fingerprint();
                DROP FUNCTION samla_child_import_fingerprint();
                DROP FUNCTION samla_phones_import_fingerprint();
                """);
            migrationBuilder.DropColumn(
                name: "ImportFingerprint",
                table: "Services");
        }
    }
}
