using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SeeMe.Benchmarks;

/// <summary>
/// The real PowerShell engine in this process with the built SeeMe module imported and connected,
/// as the tests host it: the cmdlets are measured the way a script runs them.
/// </summary>
public sealed class PowerShellEngine : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellEngine(Uri baseUri, string username, string apiKey)
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Run("Import-Module $args[0]", Path.Combine(AppContext.BaseDirectory, "SeeMe.psd1"));
        var key = new System.Security.SecureString();
        foreach (var c in apiKey) key.AppendChar(c);
        Run("$null = Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", baseUri, username, key);
    }

    /// <summary>Runs a script ($args[0], $args[1], ... are the arguments); any error stops the benchmark.</summary>
    public Collection<PSObject> Run(string script, params object[] args)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var arg in args) ps.AddArgument(arg);
        var output = ps.Invoke();
        if (ps.Streams.Error.Count > 0) throw new InvalidOperationException($"{script}: {ps.Streams.Error[0]}");
        return output;
    }

    public void Dispose() => _runspace.Dispose();
}
