using System.Management.Automation;

namespace SeeMe.PowerShell.Commands.Session
{
    /// <summary>
    /// <para type="synopsis">Forgets the current SeeMe session (the credentials stay nowhere).</para>
    /// <para type="description">There is no logout call in the SeeMe API; this drops the session and its credentials from memory.</para>
    /// <example><code>Disconnect-SeeMe</code><para>Ends the current session.</para></example>
    /// <example><code>$s = Connect-SeeMe -Local -Username local -ApiKey $key; Get-SeeMeModel -Session $s; Disconnect-SeeMe -Session $s</code><para>Uses and then ends a specific session.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "SeeMe")]
    [OutputType(typeof(void))]
    public sealed class DisconnectSeeMeCommand : SeeMeCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = ResolvedSession;
            session.Client.Logout();
            session.Client.Dispose();
            if (ReferenceEquals(SeeMeSession.Current, session)) SeeMeSession.Current = null;
            WriteVerbose($"Disconnected {session.Username} from {session.BaseUri}.");
        }
    }
}
