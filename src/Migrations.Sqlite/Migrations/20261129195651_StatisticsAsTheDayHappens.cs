using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BookingId",
                table: "Interruptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalledByUserId",
                table: "Interruptions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TicketId",
                table: "Interruptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalledByUserId",
                table: "Bookings",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndOfDayChosenUtc",
                table: "Bookings",
                type: "TEXT",
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
