using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace SeeMe.Tests.Infrastructure;

/// <summary>
/// A child process the test talks to while it runs: its output lines as they come, lines to its input, its end. Disposing
/// it kills what is still running.
/// </summary>
public sealed class RunningChild : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly StringBuilder _output = new();
    private int _openStreams = 2;

    private RunningChild(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static RunningChild Start(string fileName, IEnumerable<string> arguments, string workingDirectory) =>
        new(new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        });

    public int Id => _process.Id;

    /// <summary>Everything it wrote so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The next line that starts with <paramref name="prefix"/>; fails with the output when it ends or the time is up first.</summary>
    public string WaitForLine(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left))
                throw new TimeoutException($"No line starting with '{prefix}' before the output ended or {timeout.TotalSeconds:0} s passed. Output:\n{Output}");
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
        }
    }

    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Ends it at once, as a crash or `kill -9` would: no cleanup of its own runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit();
        _process.Dispose();
    }

    private void OnLine(string line)
    {
        if (line == null)
        {
            if (Interlocked.Decrement(ref _openStreams) == 0) _lines.CompleteAdding();
            return;
        }
        lock (_output) _output.AppendLine(line);
        _lines.Add(line);
    }
}
