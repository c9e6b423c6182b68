using System.Globalization;

namespace Rantevou.Core.Localization;

/// <summary>Greek first, English second: the two languages every page, mail and message is written in.</summary>
public static class Language
{
    public const string Greek = "el";
    public const string English = "en";

    /// <summary>"el" or "en": the language of this request (or job), from the current UI culture.</summary>
    public static string Current => Of(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>"en" for English, "el" for anything else: Greek is the default.</summary>
    public static string Of(string? language) => language == English ? English : Greek;

    /// <summary>Of a Greek and an English text, the one in this request's language.</summary>
    public static T Pick<T>(T greek, T english) => Pick(Current, greek, english);

    /// <summary>Of a Greek and an English text, the one in <paramref name="language"/>: English for "en", else Greek (the default).</summary>
    public static T Pick<T>(string? language, T greek, T english) => Of(language) == English ? english : greek;

    /// <summary>The <c>culture</c> query value that keeps a link in this request's language: none for Greek, the default.</summary>
    public static string? Query => Current == English ? English : null;
}
