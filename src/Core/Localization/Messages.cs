using System.Globalization;
using System.Resources;

namespace Rantevou.Core.Localization;

/// <summary>The user-facing messages: Messages.resx (Greek, the default) and Messages.en.resx.</summary>
public sealed class Messages
{
    static readonly ResourceManager Resources = new(typeof(Messages));

    /// <summary>
    /// A message in the current UI culture (the request's, set by request localization), or the key itself when there is
    /// none: the lookup <c>IStringLocalizer&lt;Messages&gt;</c> does, for answers that localize themselves (Problems).
    /// </summary>
    public static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>A message with its placeholders filled, as <c>IStringLocalizer</c>'s indexer with arguments does.</summary>
    public static string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, Text(key), args);
}
