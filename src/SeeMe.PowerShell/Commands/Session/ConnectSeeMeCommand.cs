using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Http;

namespace SeeMe.PowerShell.Commands.Session
{
    /// <summary>
    /// <para type="synopsis">Connects to SeeMe.ai (or a local SeeMe server) and makes that the current session.</para>
    /// <para type="description">Logs in with a credential (username and password), or uses a username and API key, or with no arguments reads SEEME_USERNAME, SEEME_API_KEY and SEEME_BACKEND from the environment (for CI secrets). The credentials are checked with one call, the application catalogue is cached, and the session is returned. The API key is never shown.</para>
    /// <example><code>Connect-SeeMe -Credential (Get-Credential)</code><para>Logs in to api.seeme.ai with your username and password.</para></example>
    /// <example><code>$key = ConvertTo-SecureString $env:SEEME_KEY -AsPlainText -Force; Connect-SeeMe -Username ci-bot -ApiKey $key -BaseUri http://127.0.0.1:5080/api/v1/</code><para>Connects to a local server with an API key.</para></example>
    /// <example><code>Start-SeeMeLocalServer | Connect-SeeMe</code><para>Starts a local server and connects to it (BaseUri, Username and ApiKey bind by property name).</para></example>
    /// <example><code>Connect-SeeMe; Get-SeeMeModel | Where-Object Public</code><para>Connects with SEEME_USERNAME / SEEME_API_KEY / SEEME_BACKEND from the environment, then lists public models.</para></example>
    /// <example><code>Connect-SeeMe -MaximumRetryCount 6 -RetryIntervalSec 2 -TimeoutSec 300; Get-ChildItem ./photos/*.jpg | Invoke-SeeMePrediction -Model $model -Verbose</code><para>A session for a busy service: up to 6 retries starting 2 s apart, and a call fails only when no byte has moved for 5 minutes. -Verbose shows each retry.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "SeeMe", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(SeeMeSession))]
    public sealed class ConnectSeeMeCommand : SeeMeCmdlet
    {
        private const string CredentialSet = "Credential";
        private const string ApiKeySet = "ApiKey";
        private const string EnvironmentSet = "Environment";

        /// <summary><para type="description">Username and password to log in with.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet, Position = 0)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary><para type="description">The username that goes with -ApiKey.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Username { get; set; } = "";

        /// <summary><para type="description">The API key (from your SeeMe.ai account page, or printed by the local server).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary><para type="description">The API root, e.g. https://api.seeme.ai/api/v1/ (default; SEEME_BACKEND overrides it). A missing trailing slash is fine.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Backend")]
        public Uri? BaseUri { get; set; }

        /// <summary><para type="description">Connects to the local server's default address, http://127.0.0.1:5080/api/v1/.</para></summary>
        [Parameter]
        public SwitchParameter Local { get; set; }

        /// <summary><para type="description">How many requests per-item commands (Invoke-SeeMePrediction, New-SeeMeDatasetItem, Save-SeeMeDatasetItemImage, ...) keep in flight by default in this session; 1 sends one at a time. Default: 6 (as many connections as a browser opens to one host). Each command's own -ThrottleLimit overrides it.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = SeeMeSession.DefaultThrottleLimit;

        /// <summary><para type="description">How many times a failed request is retried (default 3; 0 = never). Only what is safe is retried: any request after a 429 or 503 answer or a connection that could not be made; reads, updates, deletes, predictions and file uploads also after a 502, 504, reset or timeout. A request that creates something is never repeated once the service may have acted on it.</para></summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int MaximumRetryCount { get; set; } = Defaults.MaximumRetryCount;

        /// <summary><para type="description">The first wait before a retry, in seconds (default 1); it doubles with each retry, with jitter. A Retry-After from the service takes its place.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 3600.0)]
        public double RetryIntervalSec { get; set; } = Defaults.RetryInterval.TotalSeconds;

        /// <summary><para type="description">The longest wait between two attempts, in seconds, a service's Retry-After included (default 60).</para></summary>
        [Parameter]
        [ValidateRange(0.0, 3600.0)]
        public double MaximumRetryDelaySec { get; set; } = Defaults.MaximumRetryDelay.TotalSeconds;

        /// <summary><para type="description">How long, in seconds, no byte may move (connecting, sending, waiting for the answer, receiving) before a request fails (default 100; 0 = never). A long upload or download that keeps moving never times out.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 86400.0)]
        public double TimeoutSec { get; set; } = Defaults.Timeout.TotalSeconds;

        private static readonly SeeMeConnectionOptions Defaults = new SeeMeConnectionOptions();

        private SeeMeLocalServer? _localServer;

        protected override bool RequiresSession => false;

        /// <summary>The server Start-SeeMeLocalServer started at this address, if any: the new session fails fast once it is gone.</summary>
        protected override SeeMeLocalServer? LocalServer => _localServer;

        protected override void ProcessRecord()
        {
            var client = new SeeMeClient(StopOnFailure(() => BaseUris.Choose(BaseUri, Local), BaseUri), Options());
            _localServer = SeeMeLocalServer.FindRunning(client.BaseUri);
            try
            {
                SignIn(client);
                var applications = RunOrStop(ct => client.Applications.GetAllAsync(ct), client.BaseUri);
                var session = new SeeMeSession(client, client.Username ?? "", client.UserId, applications)
                {
                    ThrottleLimit = ThrottleLimit,
                    LocalServer = _localServer,
                };
                SeeMeSession.Current = session;
                WriteVerbose($"Connected to {client.BaseUri} as {session.Username}; {applications.Count} applications cached.");
                WriteObject(session);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        private SeeMeConnectionOptions Options()
        {
            var options = ConnectionOptions.For(this);
            options.MaximumRetryCount = MaximumRetryCount;
            options.RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec);
            options.MaximumRetryDelay = TimeSpan.FromSeconds(MaximumRetryDelaySec);
            options.Timeout = TimeoutSec == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(TimeoutSec);
            return options;
        }

        /// <summary>
        /// Logs in with -Credential's password. Refused, it says what was wrong: a password that is the user's API key
        /// (tried as one, with the same server) belongs in -ApiKey; otherwise the username or the password is.
        /// </summary>
        private static async Task<bool> LogInAsync(SeeMeClient client, string username, string password, CancellationToken ct)
        {
            try
            {
                await client.LoginAsync(username, password, ct).ConfigureAwait(false);
                return true;
            }
            catch (SeeMeApiException refused) when (refused.IsUnauthorized)
            {
                throw await IsApiKeyAsync(client, username, password, ct).ConfigureAwait(false)
                    ? new ExplainedException($"The password given for '{username}' is the user's API key, not the account's password.", "ApiKeyGivenAsPassword",
                        ErrorCategory.AuthenticationError, $"Pass the API key as -ApiKey: Connect-SeeMe -Username {username} -ApiKey $credential.Password (or set SEEME_USERNAME and SEEME_API_KEY).", refused)
                    : new ExplainedException(refused.ServerMessage, "AuthenticationFailed", ErrorCategory.AuthenticationError,
                        "Check the username and the password: -Credential takes the account's password (an API key goes with -Username and -ApiKey).", refused);
            }
        }

        private static async Task<bool> IsApiKeyAsync(SeeMeClient client, string username, string secret, CancellationToken ct)
        {
            client.UseApiKey(username, secret);
            try
            {
                await client.Applications.GetAllAsync(ct).ConfigureAwait(false);
                return true;
            }
            catch (SeeMeApiException)
            {
                return false;
            }
        }

        private void SignIn(SeeMeClient client)
        {
            switch (ParameterSetName)
            {
                case CredentialSet:
                    RunOrStop(ct => LogInAsync(client, Credential.UserName, Credential.GetNetworkCredential().Password, ct), client.BaseUri);
                    break;
                case ApiKeySet:
                    client.UseApiKey(Username, SecureStrings.PlainText(ApiKey!));
                    break;
                default:
                    var username = Environment.GetEnvironmentVariable("SEEME_USERNAME");
                    var apiKey = Environment.GetEnvironmentVariable("SEEME_API_KEY");
                    if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(apiKey))
                        ThrowTerminatingError(new ErrorRecord(
                            new ArgumentException("No credentials given. Use -Credential, or -Username with -ApiKey, or set SEEME_USERNAME and SEEME_API_KEY."),
                            "SessionCredentialsMissing", ErrorCategory.InvalidArgument, null));
                    client.UseApiKey(username!, apiKey!);
                    break;
            }
        }
    }
}
