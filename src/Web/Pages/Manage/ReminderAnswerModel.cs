using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Web.Pages.Manage;

/// <summary>
/// R2: a link of the reminder email ("I will come", "release my slot"). Mail scanners fetch links, so GET only shows the
/// booking and one button, and the POST answers. A second answer is told it is done already; a wrong token is not found.
/// </summary>
public abstract class ReminderAnswerModel(
    BookingService bookings, RantevouDbContext db, AuditRecorder audit, IStringLocalizer<Messages> messages) : PageModel
{
    /// <summary>The person behind a reminder's link: no account, only the token from their email, so never named (GDPR).</summary>
    static readonly AuditActor Holder = new("booking-holder", "booking holder (reminder email)", "Holder");

    public BookingView View { get; private set; } = null!;
    public string Token { get; private set; } = "";

    /// <summary>Back from this page's own POST, which did it (not a later visit of the link).</summary>
    public bool JustDone { get; private set; }

    public string? Error { get; private set; }

    protected abstract string AuditAction { get; }

    /// <summary>Whether the booking already carries this answer.</summary>
    public abstract bool Answered(BookingEntity b);

    protected abstract Task<Outcome<ReminderOutcome>> AnswerAsync(BookingService bookings, string code, string? token, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(string code, string? token, bool done, CancellationToken ct)
    {
        var found = await bookings.GetForReminderAsync(code, token, ct);
        if (!found.Ok || token is null) // a booking is only found with its token
            return NotFound();
        View = await BookingView.LoadAsync(db, found.Value, Language.Current, ct);
        Token = token;
        JustDone = done && Answered(found.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? token, CancellationToken ct)
    {
        var outcome = await AnswerAsync(bookings, code, token, ct);
        var status = !outcome.Ok
            ? outcome.Problem.Kind == ProblemKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict
            : outcome.Value.Reply == ReminderReply.NotChangeable ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        await audit.RecordAsync(new AuditRecord(Holder, AuditAction, BookingCode.Normalize(code) ?? code, status,
            AuditRecorder.OutcomeOf(status), AuditChannel.Page, HttpContext.Connection.RemoteIpAddress?.ToString()));
        if (!outcome.Ok && outcome.Problem.Kind == ProblemKind.NotFound)
            return NotFound();
        if (outcome.Ok)
            return Redirect($"{Request.Path}?token={Uri.EscapeDataString(token!)}&culture={Language.Current}"
                + (outcome.Value.Reply == ReminderReply.Done ? "&done=true" : ""));
        Error = messages[outcome.Problem.MessageKey];
        ViewData["HasErrors"] = true;
        return await OnGetAsync(code, token, done: false, ct);
    }
}
