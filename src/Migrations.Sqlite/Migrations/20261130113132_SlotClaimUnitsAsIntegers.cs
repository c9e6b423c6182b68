using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A claim's unit as its ticks (an INTEGER) instead of EF's date text, so a day's claims are read without parsing
    /// a date per row. Units are on the five-minute grid, so whole seconds carry them exactly.
    /// </summary>
    public partial class SlotClaimUnitsAsIntegers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 62135596800: the seconds from 0001-01-01, where ticks count from, to the Unix epoch.
            migrationBuilder.Sql("""
                UPDATE "SlotClaims" SET "UnitStartUtc" = (CAST(strftime('%s', "UnitStartUtc") AS INTEGER) + 62135596800) * 10000000
                WHERE typeof("UnitStartUtc") = 'text';
                """);
            migrationBuilder.AlterColumn<long>(
                name: "UnitStartUtc",
                table: "SlotClaims",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "SlotClaims" SET "UnitStartUtc" = strftime('%Y-%m-%d %H:%M:%S', "UnitStartUtc" / 10000000 - 62135596800, 'unixepoch')
                WHERE typeof("UnitStartUtc") = 'integer';
                """);
            migrationBuilder.AlterColumn<DateTime>(
                name: "UnitStartUtc",
                table: "SlotClaims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");
        }
    }
}
