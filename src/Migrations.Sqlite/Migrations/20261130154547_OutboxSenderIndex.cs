using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSenderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_SentUtc_NextAttemptUtc",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentUtc_CreatedUtc_NextAttemptUtc_LockedUntilUtc_Id",
                table: "Outbox",
                columns: new[] { "SentUtc", "CreatedUtc", "NextAttemptUtc", "LockedUntilUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_SentUtc_CreatedUtc_NextAttemptUtc_LockedUntilUtc_Id",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentUtc_NextAttemptUtc",
                table: "Outbox",
                columns: new[] { "SentUtc", "NextAttemptUtc" });
        }
    }
}
