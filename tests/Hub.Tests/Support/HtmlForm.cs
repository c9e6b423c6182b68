using System.Net;
using System.Text.RegularExpressions;

namespace Rantevou.Hub.Tests.Support;

/// <summary>
/// One form of a rendered page, submitted as a browser submits it: every field in document order, a checkbox only when
/// ticked (hidden fields of the same name included), the selected option, the textarea's text, and the pressed button
/// (inside the form, or anywhere on the page naming it with <c>form="id"</c>).
/// Enough for our own markup (double-quoted attributes), not a general HTML parser.
/// </summary>
public sealed partial class HtmlForm
{
    readonly List<Field> fields = [];

    sealed class Field(string name, string value, string type, bool ticked)
    {
        public string Name { get; } = name;
        public string Value { get; set; } = value;
        public string Type { get; } = type;
        public bool Ticked { get; set; } = ticked;
    }

    /// <summary>Where the form posts: its action, or (none given) the page it is on.</summary>
    public string? Action { get; private init; }

    /// <summary>The first form of the page whose markup contains <paramref name="contains"/> (an action, a field, a value).</summary>
    public static HtmlForm Find(string html, string contains)
    {
        var match = FormTag().Matches(html).FirstOrDefault(m => m.Value.Contains(contains, StringComparison.Ordinal));
        Assert.True(match is not null, $"no form containing {contains}");
        var form = new HtmlForm { Action = Attr(match.Groups["open"].Value, "action") };
        foreach (Match control in Control().Matches(match.Groups["body"].Value))
        {
            var tag = control.Value;
            var name = Attr(tag, "name");
            if (name is null)
                continue;
            if (tag.StartsWith("<select", StringComparison.Ordinal))
            {
                var options = Option().Matches(tag).ToList();
                var chosen = options.FirstOrDefault(o => o.Groups["attrs"].Value.Contains("selected", StringComparison.Ordinal)) ?? options.FirstOrDefault();
                form.fields.Add(new(name, chosen is null ? "" : Attr(chosen.Value, "value") ?? chosen.Groups["text"].Value, "select", true));
            }
            else if (tag.StartsWith("<textarea", StringComparison.Ordinal))
                form.fields.Add(new(name, WebUtility.HtmlDecode(TextareaText().Match(tag).Groups[1].Value), "textarea", true));
            else
            {
                var type = Attr(tag, "type") ?? (tag.StartsWith("<button", StringComparison.Ordinal) ? "submit" : "text");
                var ticked = type is not ("checkbox" or "radio" or "submit") || Regex.IsMatch(tag, "\\schecked(=|\\s|>)");
                form.fields.Add(new(name, Attr(tag, "value") ?? (type == "checkbox" ? "on" : ""), type, ticked));
            }
        }
        // A button outside the form that names it (form="id") submits it too, as the confirmation of an admin change does.
        if (Attr(match.Groups["open"].Value, "id") is { } id)
            foreach (Match button in ButtonTag().Matches(html))
                if (Attr(button.Value, "form") == id && Attr(button.Value, "name") is { } name)
                    form.fields.Add(new(name, Attr(button.Value, "value") ?? "", "submit", false));
        return form;
    }

    /// <summary>Types into a text field (the first of that name that is not a checkbox, radio or button).</summary>
    public HtmlForm Set(string name, string value)
    {
        var field = fields.FirstOrDefault(f => f.Name == name && f.Type is not ("checkbox" or "radio" or "submit" or "hidden"))
            ?? fields.FirstOrDefault(f => f.Name == name && f.Type == "hidden");
        Assert.True(field is not null, $"no field {name}");
        field.Value = value;
        return this;
    }

    public HtmlForm Tick(string name, bool ticked = true, string? value = null)
    {
        var boxes = fields.Where(f => f.Name == name && f.Type is ("checkbox" or "radio") && (value is null || f.Value == value)).ToList();
        Assert.True(boxes.Count > 0, $"no checkbox {name}");
        foreach (var box in boxes)
            box.Ticked = ticked;
        return this;
    }

    /// <summary>What the browser posts when <paramref name="button"/> (by name and value) or the first plain submit button is pressed.</summary>
    public List<KeyValuePair<string, string>> Submit(string? button = null, string? value = null) =>
        fields.Where(f => f.Type == "submit" ? f.Name == button && (value is null || f.Value == value) : f.Ticked)
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();

    public bool Has(string name, string? value = null) => fields.Any(f => f.Name == name && (value is null || f.Value == value));

    static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("(?<open><form\\b[^>]*>)(?<body>[\\s\\S]*?)</form>")]
    private static partial Regex FormTag();

    [GeneratedRegex("<select\\b[\\s\\S]*?</select>|<textarea\\b[\\s\\S]*?</textarea>|<input\\b[^>]*>|<button\\b[^>]*>")]
    private static partial Regex Control();

    [GeneratedRegex("<button\\b[^>]*>")]
    private static partial Regex ButtonTag();

    [GeneratedRegex("<option(?<attrs>[^>]*)>(?<text>[^<]*)</option>")]
    private static partial Regex Option();

    [GeneratedRegex(">([\\s\\S]*?)</textarea>")]
    private static partial Regex TextareaText();
}
