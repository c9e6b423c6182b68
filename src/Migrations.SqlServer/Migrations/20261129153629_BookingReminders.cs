using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BookingReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReminderTime",
                table: "Offices",
                type: "time",
                nullable: false,
                defaultValue: new TimeOnly(12, 0, 0));

            migrationBuilder.AddColumn<bool>(
                name: "RemindersOn",
                table: "Offices",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "ReminderAnswer",
                table: "Bookings",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderAnsweredUtc",
                table: "Bookings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderSentUtc",
                table: "Bookings",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderTime",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "RemindersOn",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ReminderAnswer",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "ReminderAnsweredUtc",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "ReminderSentUtc",
                table: "Bookings");
        }
    }
}
