namespace Rantevou.Web.Localization;

/// <summary>Marker for the staff pages' texts (sign-in and the clerk screen): ClerkText.resx (Greek) and ClerkText.en.resx.</summary>
public sealed class ClerkText;
