using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Rantevou.Hub.Tests.Faults;

/// <summary>A request body as sent: raw bytes (valid UTF-8 or not) under a content type (or none).</summary>
public sealed record Body(string? ContentType, byte[] Bytes, string Kind)
{
    public static readonly Body None = new(null, [], "none");

    public string Preview => Bytes.Length == 0 ? "" : Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 300));
}

/// <summary>
/// One malformed call of an endpoint: who calls (index into the identities), what goes in the route parameters,
/// query string, headers and body. Values are drawn by CsCheck from the lists below.
/// </summary>
public sealed record Mangling(int Who, string? RouteValue, List<KeyValuePair<string, string>> Query, List<KeyValuePair<string, string>> Headers, Body Body, string[] Fields);

/// <summary>The generators of hostile input: strings, numbers, dates, route values, query strings, headers and bodies.</summary>
public static class Malformed
{
    static readonly string Long = new('A', 10_000);

    /// <summary>Strings that are wrong for nearly any field: empty, control characters, odd Unicode, injections, huge.</summary>
    public static readonly string[] Strings =
    [
        "", " ", "\0", "a\0b", "\u0001\u0002\u001f\u007f", "\t\r\n", "Ωμέγα", "😀", "\u202Eevil", "\uFEFF", "\uFFFF", "null", "undefined",
        "NaN", "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e400", "0x1F", "2026-02-30", "2026-12-02T25:61:00",
        "0001-01-01T00:00:00", "9999-12-31T23:59:59.9999999+14:00", "2026-12-02T08:00:00+99:00", "24:00", "-00:01", "13:60",
        "../../etc/passwd", "..\\..\\web.config", "%00", "%ZZ", "<script>alert(1)</script>", "' OR 1=1 --", "{{7*7}}", "${jndi:ldap://x}",
        Long, new string('ε', 5_000), "a@b", "@", "x@" + new string('a', 300) + ".gr", "+30 694 123 4567", "AAAA-BBBB", "AAAA-AAAA-AAAA",
        "Admin", "Clerk", "true",
    ];

    /// <summary>JSON number literals that overflow, are negative, fractional, or not JSON numbers at all.</summary>
    static readonly string[] Numbers =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "99999999999999999999999999",
        "1e400", "-1e400", "1.5", "-0", "1E2", "0.0000001",
    ];

    /// <summary>Raw JSON string literals the serializer itself would not write: lone surrogates, bad escapes.</summary>
    static readonly string[] RawStrings = ["\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"\\x41\"", "\"\\u12\"", "\"a\nb\""];

    /// <summary>Route values, already as they go into the path: NULs, traversal, overflow, bad escapes, 10k characters.</summary>
    public static readonly string[] RouteValues =
    [
        "%00", "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "%2F", Long, "-1", "0", "2147483648", "99999999999999999999", "%F0%9F%98%80",
        "%ZZ", "%C0%AF", "%FF%FE", "%20", "a%3Bb", "%E2%80%AE", "AAAA-BBBB", "null", "00000000-0000-0000-0000-000000000000",
        "not-a-guid", "2026-02-30", "9999-99-99", "0000-00-00", "-2026-12-02", "%0D%0ASet-Cookie:x=1", "%CE%A9", "a.json", "~",
    ];

    static readonly string[] QueryKeys = ["token", "date", "office", "culture", "ui-culture", "confirm", "handler", "from", "to", "status", "q", "page", "id", "serviceId"];

    static readonly string[] IdempotencyKeys = ["", " ", new string('k', 129), new string('k', 128), "ключ", "\u0001", "a, b", "null"];

    static readonly string[] Languages = ["xx-YY", "*", "el;q=abc", "en-US,en;q=0.9,el;q=2", new string('a', 1_000), "zh-Hans-CN-u-nu-hanidec", "i-klingon", ";;;", "el-GR-x-" + Long];

    static readonly string[] BearerValues = ["Bearer garbage", "Bearer ", "Bearer " + Long, "Bearer a.b.c", "Basic YWRtaW46RGVtbyEyMDI2", "Bearer \u00e9", "Negotiate x"];

    static readonly string[] TopLevels = ["null", "[]", "\"x\"", "123", "true", "{", "}", "{\"a\":}", "{\"a\" 1}", "{,}", "[1,]", "{'a':1}", "{\"a\":1}}", "\u0000", " ",
        new string('[', 5_000), "{\"a\":" + new string('[', 200) + "}"];

    static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "application/json; charset=utf-7",
        "application/json; charset=nonsense", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=" + new string('b', 200), "*/*", "application/problem+json", ";;", "application/octet-stream",
    ];

    public static Gen<string> String => Gen.OneOfConst(Strings);

    /// <summary>A JSON text for a value of <paramref name="type"/>: usually the right JSON kind with a hostile value, sometimes the wrong kind, null, or raw garbage.</summary>
    public static Gen<string> Json(Type type, int depth = 0)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var wrongKind = Gen.OneOf(Gen.OneOfConst("null", "{}", "[]", "true", "\"\""), Gen.OneOfConst(Numbers), String.Select(Quote), Gen.OneOfConst(RawStrings));
        Gen<string> right;
        if (t == typeof(string) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(Guid) || t.IsEnum)
            right = Gen.OneOf(String.Select(Quote), Gen.OneOfConst(RawStrings));
        else if (t.IsPrimitive || t == typeof(decimal))
            right = Gen.OneOfConst(Numbers);
        else if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t))
        {
            var element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            right = depth > 2 ? Gen.Const("[]") : Gen.OneOf(
                Json(element, depth + 1).Array[0, 6].Select(items => "[" + string.Join(",", items) + "]"),
                Gen.Const("[" + string.Join(",", Enumerable.Repeat("2147483647", 5_000)) + "]"));
        }
        else
            right = depth > 2 ? Gen.Const("{}") : Object(t, depth + 1);
        return Gen.Frequency((6, right), (2, wrongKind));
    }

    /// <summary>An object with the type's properties (camelCase, sometimes PascalCase, sometimes missing, sometimes twice).</summary>
    public static Gen<string> Object(Type type, int depth = 0)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead).ToArray();
        if (properties.Length == 0)
            return Gen.Const("{}");
        var members = properties.Select(p => Gen.Select(Gen.Int[0, 9], Json(p.PropertyType, depth), (mode, value) =>
        {
            var name = char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
            return mode switch
            {
                0 => "",
                1 => $"\"{p.Name}\":{value}",
                2 => $"\"{name}\":{value},\"{name}\":\"dup\"",
                _ => $"\"{name}\":{value}",
            };
        }));
        return Gen.Select(members.Aggregate(Gen.Const(""), (acc, m) => Gen.Select(acc, m, (a, b) => b.Length == 0 ? a : a.Length == 0 ? b : a + "," + b)),
            Gen.Int[0, 5], (body, extra) => "{" + body + (extra == 0 ? ",\"unexpected\":{\"deep\":[1,2,{}]}" : "") + "}");
    }

    /// <summary>A body for an endpoint that reads <paramref name="requestType"/> (or nothing): every way JSON and forms go wrong.</summary>
    public static Gen<Body> Bodies(Type? requestType)
    {
        var json = requestType is null ? Gen.OneOfConst(TopLevels) : Object(requestType);
        var utf8 = (string s) => Encoding.UTF8.GetBytes(s);
        return Gen.Frequency(
            (2, Gen.Const(Body.None)),
            (1, Gen.Const(new Body("application/json", [], "empty json"))),
            (8, json.Select(j => new Body("application/json", utf8(j), "object"))),
            (3, Gen.Select(json, Gen.OneOfConst(ContentTypes), (j, ct) => new Body(ct, utf8(j), "object, other content type"))),
            (2, json.Select(j => new Body(null, utf8(j), "object, no content type"))),
            (3, Gen.Select(json, Gen.Double[0, 1], (j, cut) => new Body("application/json", utf8(j[..(int)(j.Length * cut)]), "truncated"))),
            (3, Gen.OneOfConst(TopLevels).Select(j => new Body("application/json", utf8(j), "wrong top level"))),
            (2, Gen.Select(json, Gen.Int[0, 200], (j, at) => new Body("application/json", InvalidUtf8(utf8(j), at), "invalid utf-8"))),
            (1, json.Select(j => new Body("application/json", [0xEF, 0xBB, 0xBF, .. utf8(j)], "bom"))),
            (1, Gen.Const(new Body("application/json", utf8("{\"x\":\"" + new string('x', 70 * 1024) + "\"}"), "oversized"))),
            (2, Gen.Select(Gen.OneOfConst(QueryKeys.Concat(["email", "password", "fullName", "qr", "reason", "documentId", "__RequestVerificationToken"]).ToArray()), String, (k, v) => (k, v))
                .Array[0, 6].Select(fields => new Body("application/x-www-form-urlencoded",
                    utf8(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2))) + "&%ZZ=%&=&&"), "form"))),
            (3, Multipart()));
    }

    /// <summary>multipart/form-data that lies: no file, wrong names, traversal file names, bad boundaries, truncated, NULs.</summary>
    public static Gen<Body> Multipart() =>
        Gen.Select(Gen.OneOfConst("file", "documentId", "File", "", "file\"; x=\"y", "\0"), Gen.OneOfConst("x.pdf", "../../x.pdf", "%00.png", "", new string('n', 3_000) + ".pdf", "a\u0001b.jpg", "Ωμέγα.pdf", "con.pdf"),
                Gen.OneOfConst("-1", "abc", "2147483648", "", " ", "99999999999999999999", "1"), Gen.Int[0, 6], Gen.Byte.Array[0, 300],
            (name, fileName, id, shape, bytes) =>
            {
                const string b = "fuzzboundary";
                var text = shape switch
                {
                    0 => $"--{b}\r\nContent-Disposition: form-data; name=\"documentId\"\r\n\r\n{id}\r\n--{b}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n",
                    1 => $"--{b}\r\nContent-Disposition: form-data; name=\"{name}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\r\n\r\n",
                    2 => $"--{b}\r\nContent-Disposition: attachment\r\n\r\n",
                    3 => $"--{b}\r\n\r\n",
                    4 => $"--{b}\r\nContent-Disposition: form-data; name=\"documentId\"\r\n\r\n{new string('9', 5_000)}\r\n--{b}",
                    5 => $"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: image/png\r\n\r\n%PDF-",
                    _ => "garbage without any boundary",
                };
                var tail = shape % 2 == 0 ? $"\r\n--{b}--\r\n" : "";
                var contentType = shape == 6 ? "multipart/form-data" : shape == 3 ? $"multipart/form-data; boundary=\"{b}x\"" : $"multipart/form-data; boundary={b}";
                return new Body(contentType, [.. Encoding.UTF8.GetBytes(text), .. bytes, .. Encoding.UTF8.GetBytes(tail)], $"multipart shape {shape}");
            });

    static byte[] InvalidUtf8(byte[] json, int at)
    {
        var i = json.Length == 0 ? 0 : at % json.Length;
        return [.. json[..i], 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. json[i..]];
    }

    public static Gen<KeyValuePair<string, string>> Query =>
        Gen.Frequency(
            (6, Gen.Select(Gen.OneOfConst(QueryKeys), String, Gen.Bool, (k, v, raw) => KeyValuePair.Create(k, raw ? v.Replace("&", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal) : Uri.EscapeDataString(v)))),
            (1, Gen.OneOfConst(RouteValues).Select(v => KeyValuePair.Create("token", v))),
            (1, Gen.OneOfConst("%", "&&&", "=x", "%ZZ=1", "a[]=1&a[]=2", "token=a&token=b", "date=2026-12-02&date=2026-12-03").Select(v => KeyValuePair.Create(v, ""))));

    public static Gen<KeyValuePair<string, string>> Header =>
        Gen.OneOf(
            Gen.OneOfConst(IdempotencyKeys).Select(v => KeyValuePair.Create("Idempotency-Key", v)),
            Gen.OneOfConst(Languages).Select(v => KeyValuePair.Create("Accept-Language", v)),
            Gen.OneOfConst(BearerValues).Select(v => KeyValuePair.Create("Authorization", v)),
            Gen.OneOfConst("1.2.3.4, garbage", "::::", Long).Select(v => KeyValuePair.Create("X-Forwarded-For", v)),
            Gen.OneOfConst("gzip", "br", "nonsense").Select(v => KeyValuePair.Create("Content-Encoding", v)),
            Gen.OneOfConst("text/html", "application/xml", "*/*;q=x", "").Select(v => KeyValuePair.Create("Accept", v)));

    /// <summary>One call's mangling (with values for a page form's fields). Duplicated headers come from drawing the same header name twice.</summary>
    public static Gen<Mangling> For(Type? requestType, int identities) =>
        Gen.Select(Gen.Int[0, identities - 1], Gen.Frequency((3, Gen.Const((string?)null)), (2, Gen.OneOfConst(RouteValues).Select(v => (string?)v))),
                Query.List[0, 4], Header.List[0, 3], Bodies(requestType), String.Array[12], (who, route, query, headers, body, fields) => new Mangling(who, route, query, headers, body, fields));

    static string Quote(string s) => JsonSerializer.Serialize(s);
}
