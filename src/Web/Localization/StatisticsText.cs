namespace Rantevou.Web.Localization;

/// <summary>Marker for the statistics page's and export's texts: StatisticsText.resx (Greek, the default) and StatisticsText.en.resx.</summary>
public sealed class StatisticsText;
