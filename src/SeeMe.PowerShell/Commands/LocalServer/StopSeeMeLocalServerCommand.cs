using System.Management.Automation;

namespace SeeMe.PowerShell.Commands.LocalServer
{
    /// <summary>
    /// <para type="synopsis">Stops local SeeMe servers started with Start-SeeMeLocalServer.</para>
    /// <para type="description">Stops the servers given (from the pipeline), or without -InputObject every server started in this PowerShell session, including one that has already exited. A data folder that Start-SeeMeLocalServer created (no -DataPath) is removed; one given with -DataPath stays.</para>
    /// <example><code>$server = Start-SeeMeLocalServer; $server | Connect-SeeMe; Stop-SeeMeLocalServer -InputObject $server</code><para>Starts, uses and stops one server.</para></example>
    /// <example><code>Stop-SeeMeLocalServer</code><para>Stops every local server started in this session.</para></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "SeeMeLocalServer", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class StopSeeMeLocalServerCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The servers to stop; default every one started in this session.</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public SeeMeLocalServer[]? InputObject { get; set; }

        protected override bool RequiresSession => false;

        protected override void ProcessRecord()
        {
            foreach (var server in InputObject ?? SeeMeLocalServer.Started.ToArray())
            {
                if (!ShouldChange("LocalServer", server.BaseUri.ToString(), server.ProcessId.ToString(), "Stop")) continue;
                if (!server.Stop())
                    WriteWarning($"The temporary data folder '{server.DataPath}' could not be removed; delete it once no program uses it.");
                SeeMeLocalServer.Started.Remove(server);
                WriteVerbose($"Stopped the local server on {server.BaseUri} (process {server.ProcessId}).");
            }
        }
    }
}
