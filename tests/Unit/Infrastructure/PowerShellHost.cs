using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace SeeMe.Tests.Infrastructure;

/// <summary>What a script produced on each stream.</summary>
public sealed class ScriptResult
{
    public Collection<PSObject> Output { get; init; }
    public List<ErrorRecord> Errors { get; init; }
    public List<ProgressRecord> Progress { get; init; }
    public List<VerboseRecord> Verbose { get; init; }
    public List<WarningRecord> Warnings { get; init; }
    public List<DebugRecord> Debug { get; init; }
    public List<InformationRecord> Information { get; init; }

    /// <summary>The base objects of the output (entities, sessions, ...).</summary>
    public List<object> Objects => Output.Select(o => o?.BaseObject).ToList();

    public List<T> OfType<T>() => Objects.OfType<T>().ToList();

    /// <summary>Every text any stream holds (for "the key never appears" checks).</summary>
    public string AllText() => string.Join("\n",
        Output.Select(o => o?.ToString())
            .Concat(Output.SelectMany(o => o?.Properties.Select(p => { try { return p.Value?.ToString(); } catch { return null; } }) ?? []))
            .Concat(Errors.Select(e => e + " " + e.Exception + " " + e.ErrorDetails?.Message + " " + e.ErrorDetails?.RecommendedAction + " " + e.TargetObject))
            .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription))
            .Concat(Verbose.Select(v => v.Message)).Concat(Warnings.Select(w => w.Message))
            .Concat(Debug.Select(d => d.Message)).Concat(Information.Select(i => i.MessageData?.ToString())));
}

/// <summary>
/// A real PowerShell engine in the test process with the built SeeMe module imported: tests run
/// the pipelines a user types and look at every stream. One runspace per host (each has its own
/// current session).
/// </summary>
public sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    /// <param name="host">A host that answers prompts (see <see cref="ScriptedHost"/>); by default the engine's own, which cannot.</param>
    /// <param name="importModule">false for a script that imports SeeMe itself (the README's quick start).</param>
    public PowerShellHost(System.Management.Automation.Host.PSHost host = null, bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = host == null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
        if (!importModule) return;
        var imported = Run("Import-Module $args[0] -PassThru", Path.Combine(ModuleDirectory, "SeeMe.psd1"));
        if (imported.Errors.Count > 0) throw new InvalidOperationException("Import-Module failed: " + imported.Errors[0]);
    }

    /// <summary>The folder holding SeeMe.psd1 and the module's dlls (the test output folder).</summary>
    public static string ModuleDirectory => AppContext.BaseDirectory;

    /// <summary>Runs a script; <paramref name="args"/> are available as $args[0], $args[1], ...</summary>
    public ScriptResult Run(string script, params object[] args)
    {
        using var ps = Pipeline(script, args);
        Collection<PSObject> output;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            // A terminating error: report it like the others so tests can assert on it.
            output = new Collection<PSObject>();
            ps.Streams.Error.Add(e.ErrorRecord);
        }
        return new ScriptResult
        {
            Output = output,
            Errors = ps.Streams.Error.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Debug = ps.Streams.Debug.ToList(),
            Information = ps.Streams.Information.ToList(),
        };
    }

    /// <summary>
    /// A pipeline on this host's runspace that the caller starts itself (BeginInvoke) and may Stop(), like Ctrl+C at
    /// the prompt; <paramref name="args"/> are $args[0], $args[1], ... Dispose it when done.
    /// </summary>
    public System.Management.Automation.PowerShell Pipeline(string script, params object[] args)
    {
        var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var arg in args) ps.AddArgument(arg);
        return ps;
    }

    /// <summary>Connects this runspace to a test server as its seed user.</summary>
    /// <summary>A new engine with the module, connected to <paramref name="server"/> as its seeded user.</summary>
    public static PowerShellHost ConnectedTo(LocalServerFixture server)
    {
        var ps = new PowerShellHost();
        Assert.Empty(ps.Connect(server).Errors);
        return ps;
    }

    public ScriptResult Connect(LocalServerFixture server) =>
        Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", server.BaseUri, server.Username, Secure(server.ApiKey));

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public void Dispose() => _runspace.Dispose();
}
