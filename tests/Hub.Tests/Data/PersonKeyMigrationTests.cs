using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Data;

/// <summary>R12: one documented person key, and the migration that gives it to bookings made before it existed.</summary>
public sealed class PersonKeyMigrationTests : AppTest
{
    [Theory]
    [InlineData("Maria@Example.org", "maria@example.org")]
    [InlineData("maria+dentist@example.org", "maria@example.org")]
    [InlineData("m.a.ria@example.org", "m.a.ria@example.org")]
    [InlineData("M.a.Ria+X@GMail.com", "maria@gmail.com")]
    [InlineData("ma.ria@googlemail.com", "maria@gmail.com")]
    [InlineData("+tag@example.org", "+tag@example.org")]
    public void PersonKey_FoldsCase_DropsPlusTags_AndGmailDots_Only(string email, string key) =>
        Assert.Equal(key, ContactRules.PersonKey(email));

    [Fact]
    public async Task Migration_GivesBookingsMadeBefore_TheSameKeyAsTheCode()
    {
        var service = await ServiceAsync();
        var slots = await Http.AvailabilityAsync(service.Id, Wednesday);
        string[] emails = ["Eleni.Ko+work@GoogleMail.com", "nikos+1@example.org", "Anna.Maria@Example.org", "plain@example.org"];
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
            await Http.BookOkAsync(service.Id, slots[i * 6].Start, email);
        // Before the key: the email in lower case only.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Bookings" SET "EmailKey" = lower("Email")"""));

        await App.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("StaffAccounts");
            await migrator.MigrateAsync();
            return 0;
        });

        var rows = await App.WithDbAsync(db => db.Bookings.AsNoTracking().Select(b => new { b.Email, b.EmailKey }).ToListAsync());
        Assert.Equal(emails.Length, rows.Count);
        Assert.All(rows, r => Assert.Equal(ContactRules.PersonKey(r.Email), r.EmailKey));
        Assert.Contains(rows, r => r.EmailKey == "eleniko@gmail.com");
        Assert.Contains(rows, r => r.EmailKey == "nikos@example.org");
    }
}
