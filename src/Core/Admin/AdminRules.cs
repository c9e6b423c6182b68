using System.Globalization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Admin;

/// <summary>A text in Greek and in English, as the office writes names and documents (Greek first).</summary>
public readonly record struct Bilingual(string El, string En);

/// <summary>
/// R11: what an admin may set. Each failure names its field, so the page shows it next to the input. The checks of
/// names, documents and hours return the value to store, so nothing is read again from the raw edit once they passed.
/// </summary>
public sealed class AdminRules
{
    readonly Dictionary<string, string[]> errors = [];

    public bool Ok => errors.Count == 0;
    public Problem? Problem => Ok ? null : Outcomes.Problem.Invalid(errors);

    public void Fail(string field, string key) => errors.TryAdd(field, [key]);

    /// <summary>
    /// The Greek and English names (fields nameEl, nameEn), trimmed: what to store once the rules passed. Empty or
    /// longer than the column holds fails with <paramref name="key"/>, whose message says the limit.
    /// </summary>
    public Bilingual Names(string? el, string? en, int max = 200, string key = MessageKeys.NameRequired) =>
        new(Name("nameEl", el, max, key), Name("nameEn", en, max, key));

    string Name(string field, string? value, int max, string key)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0 || name.Length > max)
            Fail(field, key);
        return name;
    }

    /// <summary>Bookings claim 5-minute units (SlotClaim), so a service time is a whole number of them.</summary>
    public void Duration(string field, int minutes)
    {
        if (minutes is < 5 or > 240 || minutes % 5 != 0)
            Fail(field, MessageKeys.DurationInvalid);
    }

    public void Range(string field, int value, int min, int max, string key = MessageKeys.SettingOutOfRange)
    {
        if (value < min || value > max)
            Fail(field, key);
    }

    /// <summary>R12 limits are counts: at least 1 (0 would close booking altogether, which is what hours are for).</summary>
    public const int MaxLimit = 1_000_000;
    public const int MaxNoShowLimit = 1000;
    public const int MaxNoShowWindowDays = 3650;

    public void Limit(string field, int value) => Range(field, value, 1, MaxLimit, MessageKeys.LimitRange);

    /// <summary>R10: a service's documents, each in Greek and English, trimmed; null when the edit leaves them as they are.</summary>
    public List<Bilingual>? Documents(List<DocumentText>? documents)
    {
        if (documents is null)
            return null;
        if (documents.Count > 30)
            Fail("documents", MessageKeys.DocumentInvalid);
        var texts = new List<Bilingual>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var text = new Bilingual(documents[i]?.TextEl?.Trim() ?? "", documents[i]?.TextEn?.Trim() ?? "");
            if (text.El.Length is 0 or > 500 || text.En.Length is 0 or > 500)
                Fail($"documents[{i}]", MessageKeys.DocumentInvalid);
            texts.Add(text);
        }
        return texts;
    }

    /// <summary>Open and close as HH:mm on the 5-minute grid, open before close.</summary>
    public (TimeOnly Open, TimeOnly Close)? Hours(string prefix, string? open, string? close)
    {
        var o = Time($"{prefix}open", open);
        var c = Time($"{prefix}close", close);
        if (o is null || c is null)
            return null;
        if (c <= o)
        {
            Fail($"{prefix}close", MessageKeys.HoursOrder);
            return null;
        }
        return (o.Value, c.Value);
    }

    /// <summary>A time of day on the 5-minute grid, as HH:mm or as an office writes it: "9:00", "9.00".</summary>
    public TimeOnly? Time(string field, string? text)
    {
        if (TimeOnly.TryParseExact(text?.Trim().Replace('.', ':'), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            && t.Minute % 5 == 0)
            return t;
        Fail(field, MessageKeys.TimeInvalid);
        return null;
    }

    static readonly string[] TimeFormats = ["HH:mm", "H:mm"];

    public static string Format(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
