using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rantevou.Core.Data;

#nullable disable

namespace Rantevou.Migrations.SqlServer.Migrations
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
                UPDATE b SET EmailKey = CASE WHEN x.d IN ('gmail.com', 'googlemail.com') THEN REPLACE(x.l, '.', '') + '@gmail.com' ELSE x.l + '@' + x.d END
                FROM Bookings b
                CROSS APPLY (SELECT LOWER(LEFT(b.Email, CHARINDEX('@', b.Email) - 1)) AS l0,
                                    LOWER(SUBSTRING(b.Email, CHARINDEX('@', b.Email) + 1, 254)) AS d) y
                CROSS APPLY (SELECT CASE WHEN CHARINDEX('+', y.l0) > 1 THEN LEFT(y.l0, CHARINDEX('+', y.l0) - 1) ELSE y.l0 END AS l, y.d AS d) x
                WHERE CHARINDEX('@', b.Email) > 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE Bookings SET EmailKey = LOWER(Email) WHERE CHARINDEX('@', Email) > 1;");
        }
    }
}
