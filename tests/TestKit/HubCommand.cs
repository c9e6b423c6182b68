using System.Diagnostics;

namespace Rantevou.TestKit;

/// <summary>What a command of the built server printed, and how it ended.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// The built server run as a command (<c>Rantevou.Hub admin create …</c>), as an operator runs it on the server:
/// <paramref name="input"/> written to its standard input, which is then closed, as a pipe would be.
/// </summary>
public static class HubCommand
{
    public static async Task<CommandResult> RunAsync(string dataDir, string? input, IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        Directory.CreateDirectory(dataDir);
        var info = HubProcess.StartInfo(dataDir, settings ?? new Dictionary<string, string?>(), args);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            if (input is not null)
                await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command ended before reading (a usage error): what it printed says why.
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The command did not end within 120 s:\n{await output}\n{await error}");
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }
}
