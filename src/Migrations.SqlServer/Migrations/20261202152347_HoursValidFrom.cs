using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class HoursValidFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkingHours_OfficeId_Day",
                table: "WorkingHours");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "WorkingHours",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_WorkingHours_OfficeId_ValidFrom_Day",
                table: "WorkingHours",
                columns: new[] { "OfficeId", "ValidFrom", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // One week per office before this: the one in force today is kept, the past and the ones set ahead go.
            migrationBuilder.Sql("""
                DELETE FROM "WorkingHours" WHERE "ValidFrom" <> (SELECT MAX(w."ValidFrom") FROM "WorkingHours" AS w
                WHERE w."OfficeId" = "WorkingHours"."OfficeId" AND w."ValidFrom" <= CAST(GETDATE() AS date))
                """);

            migrationBuilder.DropIndex(
                name: "IX_WorkingHours_OfficeId_ValidFrom_Day",
                table: "WorkingHours");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "WorkingHours");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingHours_OfficeId_Day",
                table: "WorkingHours",
                columns: new[] { "OfficeId", "Day" },
                unique: true);
        }
    }
}
