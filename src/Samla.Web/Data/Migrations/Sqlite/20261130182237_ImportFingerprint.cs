using System;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samla.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            // The database clears a service's import fingerprint on every change to the service or its child rows, whatever
            // the writer (see Features/Exchange/Import/ImportFingerprint.cs). Only a change of the fingerprint itself keeps it.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Services_ImportFingerprint_update" AFTER UPDATE ON "Services"
                WHEN NEW."ImportFingerprint" IS NOT NULL AND NEW."ImportFingerprint" IS OLD."ImportFingerprint"
                BEGIN UPDATE "Services" SET "ImportFingerprint" = NULL WHERE "Id" = NEW."Id"; END;
                """);
            foreach (var table in ChildTables)
            {
                // Phones of a contact belong to the contact's service.
                string Services(string row) => table == "Phones"
                    ? $"({row}.\"ServiceId\", (SELECT \"ServiceId\" FROM \"Contacts\" WHERE \"Id\" = {row}.\"ContactId\"))"
                    : $"({row}.\"ServiceId\")";
                foreach (var (op, rows) in new[] { ("INSERT", new[] { "NEW" }), ("UPDATE", new[] { "OLD", "NEW" }), ("DELETE", new[] { "OLD" }) })
                {
                    var where = string.Join(" OR ", rows.Select(r => $"\"Id\" IN {Services(r)}"));
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{table}_ImportFingerprint_{op.ToLowerInvariant()}" AFTER {op} ON "{table}"
                        BEGIN UPDATE "Services" SET "ImportFingerprint" = NULL WHERE "ImportFingerprint" IS NOT NULL AND ({where}); END;
                        """);
                }
            }
        }

        private static readonly string[] ChildTables =
            ["ServiceAreas", "Languages", "ServiceAttributes", "ServiceAtLocations", "Schedules", "Contacts", "Phones"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Services_ImportFingerprint_update";""");
            foreach (var table in ChildTables)
            {
                foreach (var op in new[] { "insert", "update", "delete" }) migrationBuilder.Sql($"""DROP TRIGGER "{table}_ImportFingerprint_{op}";""");
            }
            migrationBuilder.DropColumn(
                name: "ImportFingerprint",
                table: "Services");
        }
    }
}
