using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samla.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoverageNeedsPreparedness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppSetting",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSetting", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Need",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    RaisedByOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetGroups = table.Column<List<string>>(type: "text[]", nullable: false),
                    AgeGroups = table.Column<List<string>>(type: "text[]", nullable: false),
                    MunicipalityCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    EvidenceSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EvidenceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    PeopleAffected = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PriorityOverride = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PriorityOverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PriorityOverriddenBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PriorityOverriddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Need", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Need_Organizations_RaisedByOrganizationId",
                        column: x => x.RaisedByOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedComment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedComment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedComment_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedComment_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NeedService",
                columns: table => new
                {
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedService", x => new { x.NeedId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_NeedService_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedService_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Need_RaisedByOrganizationId",
                table: "Need",
                column: "RaisedByOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Need_Status",
                table: "Need",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_NeedComment_NeedId",
                table: "NeedComment",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedComment_OrganizationId",
                table: "NeedComment",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedService_ServiceId",
                table: "NeedService",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSetting");

            migrationBuilder.DropTable(
                name: "NeedComment");

            migrationBuilder.DropTable(
                name: "NeedService");

            migrationBuilder.DropTable(
                name: "Need");
        }
    }
}
