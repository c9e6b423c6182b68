using System.Diagnostics.CodeAnalysis;
using Rantevou.Core.Localization;

namespace Rantevou.Core.Outcomes;

/// <summary>
/// What went wrong, as the HTTP layer and the pages need it: a kind and a message key (localized at the edge), with the
/// values its text names ("opens at {0}") when it has any.
/// </summary>
public sealed record Problem(ProblemKind Kind, string MessageKey, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public object[] Args { get; init; } = [];

    /// <summary>What this occurrence adds to the title (RFC 7807 <c>detail</c>), formatted with <see cref="Args"/>.</summary>
    public string? DetailKey { get; init; }

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> fields) => new(ProblemKind.Invalid, MessageKeys.Invalid, fields);
    public static Problem NotFound(string key = MessageKeys.BookingNotFound) => new(ProblemKind.NotFound, key);
    public static Problem Conflict(string key) => new(ProblemKind.Conflict, key);
    public static Problem Unprocessable(string key, params object[] args) => new(ProblemKind.Unprocessable, key) { Args = args };
    public static Problem Unauthorized(string key = MessageKeys.Unauthorized) => new(ProblemKind.Unauthorized, key);
}

/// <summary>
/// 400, 404, 409, 422 (and 413, 415 for uploaded files, 401 for a caller whose account is gone or who must prove it
/// again): the only ways an operation of any feature fails.
/// </summary>
public enum ProblemKind
{
    Invalid,
    NotFound,
    Conflict,
    Unprocessable,
    TooLarge,
    UnsupportedMediaType,
    Unauthorized,
}

/// <summary>A value, or the <see cref="Outcomes.Problem"/> that stopped it. After <c>if (outcome.Ok)</c> the compiler knows which is set.</summary>
public readonly struct Outcome<T>
{
    public T? Value { get; }
    public Problem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Ok => Problem is null;

    Outcome(T? value, Problem? problem) => (Value, Problem) = (value, problem);

    public static Outcome<T> From(T value) => new(value, null);
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);
}
