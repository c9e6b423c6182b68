namespace Rantevou.Core.Localization;

/// <summary>Marker for the user-facing messages: Messages.resx (Greek, the default) and Messages.en.resx.</summary>
public sealed class Messages;
