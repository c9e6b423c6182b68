namespace Rantevou.Web.Localization;

/// <summary>Marker for the admin screens' texts: AdminText.resx (Greek, the default) and AdminText.en.resx.</summary>
public sealed class AdminText;
