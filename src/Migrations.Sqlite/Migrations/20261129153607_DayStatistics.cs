using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DayStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Interruptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeskId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    WalkIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CalledUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interruptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interruptions_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OfficeId_CreatedUtc",
                table: "Bookings",
                columns: new[] { "OfficeId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Interruptions_OfficeId_Day",
                table: "Interruptions",
                columns: new[] { "OfficeId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Interruptions");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_OfficeId_CreatedUtc",
                table: "Bookings");
        }
    }
}
