using Rantevou.Web.Booking;

namespace Rantevou.Web.Pages.Shared;

/// <summary>One labelled input with its hint and error, wired together for screen readers; optional ones are not announced as required.</summary>
public sealed record FieldModel(
    string Id, string Label, string? Value, string? Error, string Type = "text",
    string? Autocomplete = null, string? Hint = null, string? InputMode = null, bool Required = true, int? MaxLength = null);

/// <summary>The open days of a service as links; <see cref="Href"/> builds each day's link, <see cref="PageHref"/> the next page's.</summary>
public sealed record DateListModel(DayPage Page, Func<DateOnly, string> Href, Func<DateOnly?, string> PageHref, bool IsFirstPage);

/// <summary>Free start times as radio buttons named <c>start</c>, grouped by hour.</summary>
public sealed record SlotPickerModel(IReadOnlyList<DateTimeOffset> Slots, string Legend, string? Selected = null, string? Error = null);

/// <summary>A list of (field id, message) shown above a form, each linking to its field.</summary>
public sealed record ErrorSummaryModel(IReadOnlyList<KeyValuePair<string, string>> Errors);

/// <summary>The service being booked: name, service time, documents (R10) and, once chosen, the time.</summary>
public sealed record ServiceSummaryModel(Core.Catalogue.Service Service, DateTimeOffset? Start = null);
