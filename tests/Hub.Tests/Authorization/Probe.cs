using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Rantevou.Hub.Tests.Authorization;

/// <summary>One call of the matrix: the request an identity makes to an endpoint, and the verdict on its answer.</summary>
public static partial class Probe
{
    /// <summary>The real path for a pattern: booking X's code, the first desk, the first service, the identity's ticket.</summary>
    public static string Path(string pattern, MatrixOffice office, Identity who) => Parameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        // A walk-in ticket's code is its capability (TicketApi): only the token holder has the printed ticket.
        "code" when pattern.StartsWith("/t/", StringComparison.Ordinal) || pattern.StartsWith("/api/walkins/", StringComparison.Ordinal) => who.TicketCode,
        "code" => office.X.Code,
        "deskId" => office.DeskId.ToString(),
        "index" => "0",
        "id" when pattern.Contains("{id:guid}", StringComparison.Ordinal) => "0198a6f2-0000-7000-8000-000000000000",
        // No device has this id: the admin's rename and revoke answer 404 and leave the matrix's kiosk paired.
        "id" when pattern.StartsWith("/api/admin/devices/", StringComparison.Ordinal) => "999999",
        "id" or "serviceId" => office.ServiceId.ToString(),
        "date" => "2026-12-02",
        "documentName" => "v1",
        "path" => "js/queue-live.js",
        var name => throw new InvalidOperationException($"No sample value for route parameter {{{name}}} in {pattern}: add one in Probe.Path."),
    });

    public static HttpRequestMessage Request(string method, string pattern, MatrixOffice office, Identity who)
    {
        var query = new List<string>();
        if (who.BookingToken is { } token)
            query.Add($"token={Uri.EscapeDataString(token)}");
        if (pattern.EndsWith("/availability", StringComparison.Ordinal))
            query.Add("date=2026-12-02");
        var url = Path(pattern, office, who) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
            request.Content = Body(pattern, office);
        return request;
    }

    /// <summary>Minimal valid-ish bodies, so an allowed caller reaches the handler instead of stopping at binding.</summary>
    static HttpContent Body(string pattern, MatrixOffice office) => pattern switch
    {
        // An address with no account: a wrong password for a real one would count towards its lockout.
        "/api/auth/login" => JsonContent.Create(new { email = "nobody@example.org", password = "Wrong!2026" }),
        "/api/bookings" => JsonContent.Create(new { serviceId = office.ServiceId, start = office.FreeStart.ToString("O"), fullName = "Νίκος Νικολάου", email = "nikos@example.org", mobile = "6941234567" }),
        "/api/bookings/{code}/reschedule" => JsonContent.Create(new { start = office.FreeStart.ToString("O") }),
        "/api/bookings/{code}/void" => JsonContent.Create(new { reason = "Authorization matrix" }),
        "/api/desks/{deskId:int}/current/documents/{index:int}" => JsonContent.Create(new { @checked = true }),
        "/api/kiosk/checkin" or "/api/kiosk/checkin/end-of-day" => JsonContent.Create(new { qr = office.XQr }),
        "/api/kiosk/walkins" => JsonContent.Create(new { serviceId = office.ServiceId }),
        _ when pattern.StartsWith("/api/", StringComparison.Ordinal) => JsonContent.Create(new { }),
        // Pages take forms; without the antiforgery token they answer 400 before any handler runs.
        _ => new FormUrlEncodedContent([]),
    };

    public static bool Allowed(Access access, Identity who) => access switch
    {
        Access.Public => true,
        Access.TokenHolder => who.Name == "token holder of X",
        Access.Staff => who.Name is "clerk" or "admin",
        Access.Admin => who.Name == "admin",
        Access.Agent => who.Name is "agent A" or "agent B",
        Access.Account => who.Name is "clerk" or "admin" or "agent A" or "agent B",
        Access.Kiosk => who.Name == "kiosk",
        _ => false,
    };

    /// <summary>Why the answer is wrong, or null. Refusals must be the expected kind, so a 400 cannot hide an open door.</summary>
    public static string? Verdict(string method, string pattern, Access access, Identity who, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
            return $"{status} server error";
        if (Allowed(access, who))
            return null;
        if (status is >= 200 and < 300)
            return $"{status}: unexpected success for {access}";
        var toLogin = response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true;
        return access switch
        {
            Access.Staff or Access.Admin or Access.Directorate or Access.Agent or Access.Account when status is 401 or 403 || toLogin => null,
            Access.Staff or Access.Admin or Access.Directorate or Access.Agent or Access.Account => $"{status}: expected 401, 403 or a redirect to login",
            Access.Kiosk when status is 401 or 403 => null,
            Access.Kiosk => $"{status}: expected 401 without a kiosk's credential, 403 for a display's",
            // A page's POST stops at antiforgery (400) before the token is looked at; the GET row checks the token.
            Access.TokenHolder when status == 400 && method == "POST" && !pattern.StartsWith("/api/", StringComparison.Ordinal) => null,
            Access.TokenHolder when status == 404 => null,
            Access.TokenHolder => $"{status}: another booking's token (or a guessed ticket) must get 404",
            _ => null,
        };
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();
}
