using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsAsTheDayHappens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalledByUserId",
                table: "WalkInTickets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BookingId",
                table: "Interruptions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalledByUserId",
                table: "Interruptions",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TicketId",
                table: "Interruptions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalledByUserId",
                table: "Bookings",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndOfDayChosenUtc",
                table: "Bookings",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CalledByUserId",
                table: "WalkInTickets");

            migrationBuilder.DropColumn(
                name: "BookingId",
                table: "Interruptions");

            migrationBuilder.DropColumn(
                name: "CalledByUserId",
                table: "Interruptions");

            migrationBuilder.DropColumn(
                name: "TicketId",
                table: "Interruptions");

            migrationBuilder.DropColumn(
                name: "CalledByUserId",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "EndOfDayChosenUtc",
                table: "Bookings");
        }
    }
}
