using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Rantevou.Web.Statistics;

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG (no script, nothing to load), with its figures as a table
/// beside it for screen readers and for anyone who wants the numbers. One or more series: each row has a bar per series.
/// </summary>
public sealed record BarChart(string Id, string Title, string RowHeader, IReadOnlyList<string> Series, IReadOnlyList<BarRow> Rows)
{
    public const int Width = 640;
    public const int LabelWidth = 230;
    public const int BarHeight = 16;
    public const int Gap = 10;

    /// <summary>Room on the right for the value written after the longest bar.</summary>
    const int ValueRoom = 60;

    public double Max => Math.Max(1, Rows.SelectMany(r => r.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max());

    public int RowHeight => Series.Count * BarHeight + Gap;

    public int Height => Math.Max(1, Rows.Count) * RowHeight + Gap;

    /// <summary>The length of a bar for a value, in SVG units.</summary>
    public double Length(double? value) => (value ?? 0) / Max * (Width - LabelWidth - ValueRoom);

    /// <summary>
    /// The SVG itself: named by its title for assistive technology, which reads the figures from the table instead.
    /// Classes only (no inline styles), so the content security policy has nothing to allow.
    /// </summary>
    public IHtmlContent Svg()
    {
        var e = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg role=\"img\" aria-labelledby=\"{Id}-title\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id}-title\">{e.Encode(Title)}</title>");
        for (var r = 0; r < Rows.Count; r++)
        {
            var top = Gap + r * RowHeight;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-label\" x=\"{LabelWidth - 8}\" y=\"{top + Series.Count * BarHeight / 2.0 + 5:0.#}\" text-anchor=\"end\">{e.Encode(Rows[r].Label)}</text>");
            for (var s = 0; s < Series.Count; s++)
            {
                var y = top + s * BarHeight;
                var length = Length(Rows[r].Values[s]);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar bar--{(s % 2 == 0 ? "first" : "second")}\" x=\"{LabelWidth}\" y=\"{y + 1}\" width=\"{length:0.#}\" height=\"{BarHeight - 2}\"></rect>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"chart-value\" x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + BarHeight - 3}\">{e.Encode(Format(Rows[r].Values[s]))}</text>");
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-axis\" x1=\"{LabelWidth}\" x2=\"{LabelWidth}\" y1=\"0\" y2=\"{Height}\"></line></svg>");
        return new HtmlString(svg.ToString());
    }

    public static string Format(double? value) => value?.ToString("0.#", CultureInfo.CurrentCulture) ?? "—";
}

/// <summary>One row of a chart: its label and a value per series (null: nothing measured).</summary>
public sealed record BarRow(string Label, IReadOnlyList<double?> Values);
