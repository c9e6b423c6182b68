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
            Rebuild(migrationBuilder, "INTEGER");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "SlotClaims" SET "UnitStartUtc" = strftime('%Y-%m-%d %H:%M:%S', "UnitStartUtc" / 10000000 - 62135596800, 'unixepoch')
                WHERE typeof("UnitStartUtc") = 'integer';
                """);
            Rebuild(migrationBuilder, "TEXT");
        }

        /// <summary>
        /// The table rebuilt with the unit's new column type, as EF would rebuild it but without its
        /// <c>PRAGMA foreign_keys = 0</c>, which SQLite cannot run inside the migration's transaction: no table refers
        /// to the claims, so dropping them needs no pause of the keys, and the whole change commits or rolls back as
        /// one.
        /// </summary>
        static void Rebuild(MigrationBuilder migrationBuilder, string unitType) => migrationBuilder.Sql($"""
            CREATE TABLE "ef_temp_SlotClaims" (
                "DeskId" INTEGER NOT NULL,
                "UnitStartUtc" {unitType} NOT NULL,
                "BookingId" TEXT NOT NULL,
                CONSTRAINT "PK_SlotClaims" PRIMARY KEY ("DeskId", "UnitStartUtc"),
                CONSTRAINT "FK_SlotClaims_Bookings_BookingId" FOREIGN KEY ("BookingId") REFERENCES "Bookings" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_SlotClaims_Desks_DeskId" FOREIGN KEY ("DeskId") REFERENCES "Desks" ("Id") ON DELETE RESTRICT
            );
            INSERT INTO "ef_temp_SlotClaims" ("DeskId", "UnitStartUtc", "BookingId")
            SELECT "DeskId", "UnitStartUtc", "BookingId" FROM "SlotClaims";
            DROP TABLE "SlotClaims";
            ALTER TABLE "ef_temp_SlotClaims" RENAME TO "SlotClaims";
            CREATE INDEX "IX_SlotClaims_BookingId" ON "SlotClaims" ("BookingId");
            """);
    }
}
