using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rantevou.Core.Data;

#nullable disable

namespace Rantevou.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// R12: bookings made before the person key get it (ContactRules.PersonKey, in SQL): lower case, the plus tag
    /// dropped, and for Gmail the dots dropped and googlemail.com made gmail.com. No schema change.
    /// </summary>
    [DbContext(typeof(RantevouDbContext))]
    [Migration("20261129064500_PersonKey")]
    public partial class PersonKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Bookings" SET "EmailKey" = (
                    SELECT CASE WHEN d IN ('gmail.com', 'googlemail.com') THEN replace(l, '.', '') || '@gmail.com' ELSE l || '@' || d END
                    FROM (SELECT CASE WHEN instr(l0, '+') > 1 THEN substr(l0, 1, instr(l0, '+') - 1) ELSE l0 END AS l, d
                          FROM (SELECT substr(lower("Email"), 1, instr("Email", '@') - 1) AS l0,
                                       substr(lower("Email"), instr("Email", '@') + 1) AS d)))
                WHERE instr("Email", '@') > 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Bookings" SET "EmailKey" = lower("Email") WHERE instr("Email", '@') > 1;""");
        }
    }
}
