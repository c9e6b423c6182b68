namespace Rantevou.Core.Offices;

/// <summary>Greek public-service holidays: fixed dates and those that move with Orthodox Easter.</summary>
public static class GreekHolidays
{
    public sealed record Holiday(DateOnly Date, string NameEl, string NameEn);

    static readonly (int Month, int Day, string El, string En)[] Fixed =
    [
        (1, 1, "Πρωτοχρονιά", "New Year's Day"),
        (1, 6, "Θεοφάνια", "Epiphany"),
        (3, 25, "Εθνική εορτή / Ευαγγελισμός", "Independence Day / Annunciation"),
        (5, 1, "Πρωτομαγιά", "Labour Day"),
        (8, 15, "Κοίμηση της Θεοτόκου", "Dormition of the Virgin"),
        (10, 28, "Επέτειος του Όχι", "Ochi Day"),
        (12, 25, "Χριστούγεννα", "Christmas Day"),
        (12, 26, "Σύναξη της Θεοτόκου", "Second day of Christmas"),
    ];

    static readonly (int Offset, string El, string En)[] Movable =
    [
        (-48, "Καθαρά Δευτέρα", "Clean Monday"),
        (-2, "Μεγάλη Παρασκευή", "Good Friday"),
        (-1, "Μεγάλο Σάββατο", "Holy Saturday"),
        (1, "Δευτέρα του Πάσχα", "Easter Monday"),
        (50, "Αγίου Πνεύματος", "Whit Monday"),
    ];

    /// <summary>Orthodox Easter Sunday (Meeus' Julian algorithm, shifted to the Gregorian calendar; valid 1900–2099).</summary>
    public static DateOnly OrthodoxEaster(int year)
    {
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = (19 * c + 15) % 30;
        var e = (2 * a + 4 * b - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = (d + e + 114) % 31 + 1;
        return new DateOnly(year, month, day).AddDays(13);
    }

    public static IReadOnlyList<Holiday> For(int year)
    {
        var easter = OrthodoxEaster(year);
        var list = Fixed.Select(f => new Holiday(new DateOnly(year, f.Month, f.Day), f.El, f.En))
            .Concat(Movable.Select(m => new Holiday(easter.AddDays(m.Offset), m.El, m.En)))
            .OrderBy(h => h.Date)
            .ToList();
        return list;
    }

    public static Holiday? On(DateOnly date) => For(date.Year).FirstOrDefault(h => h.Date == date);

    /// <summary>24 and 31 December: public services stop at 13:00 (Law 1157/1981).</summary>
    public static bool IsHalfDay(DateOnly date) => date.Month == 12 && date.Day is 24 or 31;

    public static readonly TimeOnly HalfDayClose = new(13, 0);
}
