using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DocumentChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BookingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TicketId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DocumentIndex = table.Column<int>(type: "int", nullable: false),
                    DocumentText = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CheckedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CheckedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentChecks", x => x.Id);
                    table.CheckConstraint("CK_DocumentChecks_Person", "(BookingId IS NULL AND TicketId IS NOT NULL) OR (BookingId IS NOT NULL AND TicketId IS NULL)");
                    table.ForeignKey(
                        name: "FK_DocumentChecks_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentChecks_WalkInTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "WalkInTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChecks_BookingId_DocumentIndex",
                table: "DocumentChecks",
                columns: new[] { "BookingId", "DocumentIndex" },
                unique: true,
                filter: "[BookingId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChecks_TicketId_DocumentIndex",
                table: "DocumentChecks",
                columns: new[] { "TicketId", "DocumentIndex" },
                unique: true,
                filter: "[TicketId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentChecks");
        }
    }
}
