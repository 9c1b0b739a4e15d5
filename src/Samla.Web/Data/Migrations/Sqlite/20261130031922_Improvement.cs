using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samla.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Improvement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Initiative",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ChangeIdeas = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SummaryTried = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SummaryWorked = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SummaryToRepeat = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SummaryPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SummaryIsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiative", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Initiative_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeCause",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsRootCause = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeCause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InitiativeCause_Initiative_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiative",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeNeed",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeNeed", x => new { x.InitiativeId, x.NeedId });
                    table.ForeignKey(
                        name: "FK_InitiativeNeed_Initiative_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiative",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeNeed_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeParticipant",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeParticipant", x => new { x.InitiativeId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_InitiativeParticipant_Initiative_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiative",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeParticipant_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeService",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Created = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeService", x => new { x.InitiativeId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_InitiativeService_Initiative_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiative",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeService_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Measure",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OperationalDefinition = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Baseline = table.Column<int>(type: "INTEGER", nullable: true),
                    Chart = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measure_Initiative_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiative",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurePoint",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Astronomical = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurePoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasurePoint_Measure_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PdsaCycle",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousCycleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Change = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Prediction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhoWhatWhenWhere = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DataPlan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DoNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DoProblems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StudyNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PdsaCycle", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PdsaCycle_Initiative_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiative",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PdsaCycle_Measure_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdsaCycle_PdsaCycle_PreviousCycleId",
                        column: x => x.PreviousCycleId,
                        principalTable: "PdsaCycle",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Initiative_OwnerOrganizationId",
                table: "Initiative",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiative_Phase",
                table: "Initiative",
                column: "Phase");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeCause_InitiativeId",
                table: "InitiativeCause",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeNeed_NeedId",
                table: "InitiativeNeed",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeParticipant_OrganizationId",
                table: "InitiativeParticipant",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeService_ServiceId",
                table: "InitiativeService",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Measure_InitiativeId",
                table: "Measure",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePoint_MeasureId_Date",
                table: "MeasurePoint",
                columns: new[] { "MeasureId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycle_InitiativeId",
                table: "PdsaCycle",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycle_MeasureId",
                table: "PdsaCycle",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycle_PreviousCycleId",
                table: "PdsaCycle",
                column: "PreviousCycleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InitiativeCause");

            migrationBuilder.DropTable(
                name: "InitiativeNeed");

            migrationBuilder.DropTable(
                name: "InitiativeParticipant");

            migrationBuilder.DropTable(
                name: "InitiativeService");

            migrationBuilder.DropTable(
                name: "MeasurePoint");

            migrationBuilder.DropTable(
                name: "PdsaCycle");

            migrationBuilder.DropTable(
                name: "Measure");

            migrationBuilder.DropTable(
                name: "Initiative");
        }
    }
}
