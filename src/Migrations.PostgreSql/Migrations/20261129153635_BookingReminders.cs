using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rantevou.Migrations.PostgreSql.Migrations
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
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(12, 0, 0));

            migrationBuilder.AddColumn<bool>(
                name: "RemindersOn",
                table: "Offices",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "ReminderAnswer",
                table: "Bookings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderAnsweredUtc",
                table: "Bookings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderSentUtc",
                table: "Bookings",
                type: "timestamp with time zone",
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
