using System;
using System.Management.Automation;
using System.Security;
using SeeMe.Core;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Session
{
    /// <summary>
    /// <para type="synopsis">Registers a new SeeMe user (it does not log in).</para>
    /// <para type="description">Creates an account on SeeMe.ai, on -BaseUri, on the local server (-Local), or on the server of the current session. The password is a SecureString and is never shown. Connect with Connect-SeeMe -Credential afterwards.</para>
    /// <example><code>Register-SeeMeUser -Username ana -Email ana@example.com -Password (Read-Host -AsSecureString) -FirstName Ana -Name Silva</code><para>Registers on SeeMe.ai.</para></example>
    /// <example><code>Start-SeeMeLocalServer | Connect-SeeMe; Register-SeeMeUser -Username bot -Email bot@localhost -Password $pw; Connect-SeeMe -Credential (New-Object PSCredential 'bot', $pw) -BaseUri (Get-SeeMeSession).BaseUri</code><para>Registers a second user on a local server.</para></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "SeeMeUser", SupportsShouldProcess = true)]
    [OutputType(typeof(User))]
    public sealed class RegisterSeeMeUserCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The username (no ':').</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Username { get; set; } = "";

        /// <summary><para type="description">The e-mail address.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = "";

        /// <summary><para type="description">The password (at least 8 characters).</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">The first name.</para></summary>
        [Parameter]
        public string? FirstName { get; set; }

        /// <summary><para type="description">The last name.</para></summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary><para type="description">The API root; default the current session's server, else SEEME_BACKEND, else https://api.seeme.ai/api/v1/.</para></summary>
        [Parameter]
        [Alias("Backend")]
        public Uri? BaseUri { get; set; }

        /// <summary><para type="description">Registers on the local server's default address, http://127.0.0.1:5080/api/v1/.</para></summary>
        [Parameter]
        public SwitchParameter Local { get; set; }

        protected override bool RequiresSession => false;

        protected override void ProcessRecord()
        {
            var baseUri = BaseUri ?? (Local ? null : (Session ?? SeeMeSession.Current)?.BaseUri);
            using var client = new SeeMeClient(StopOnFailure(() => BaseUris.Choose(baseUri, Local), baseUri), ConnectionOptions.For(this));
            var user = new NewUser
            {
                Username = Username,
                Email = Email,
                Password = SecureStrings.PlainText(Password!),
                Firstname = FirstName ?? "",
                Name = Name ?? "",
            };
            if (!ShouldChange("User", Username, client.BaseUri.ToString(), "Register")) return;
            WriteObject(RunOrStop(ct => client.RegisterAsync(user, ct), client.BaseUri));
        }
    }
}
