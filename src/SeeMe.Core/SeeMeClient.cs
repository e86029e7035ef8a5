using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Clients;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core
{
    /// <summary>
    /// One connection to a SeeMe service: base URI, credentials and one HttpClient, with the
    /// resource groups of the API as properties (<c>client.Models</c>, <c>client.Datasets</c>, ...).
    /// </summary>
    public sealed class SeeMeClient : IDisposable
    {
        /// <summary>The SeeMe.ai service.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.seeme.ai/api/v1/");

        private readonly SeeMeConnection _connection;

        public SeeMeClient(Uri? baseUri = null, HttpMessageHandler? handler = null)
            : this(baseUri, new SeeMeConnectionOptions(), handler)
        {
        }

        /// <summary>
        /// A client with its User-Agent, retries and timeouts in <paramref name="options"/>; <paramref name="handler"/>
        /// replaces the socket handler (tests).
        /// </summary>
        public SeeMeClient(Uri? baseUri, SeeMeConnectionOptions options, HttpMessageHandler? handler = null)
        {
            _connection = new SeeMeConnection(baseUri ?? DefaultBaseUri, options, handler);
            var api = new ApiConnection(_connection);
            Applications = new ApplicationsClient(api);
            Models = new ModelsClient(api);
            ModelVersions = new ModelVersionsClient(api);
            Predictions = new PredictionsClient(api);
            Datasets = new DatasetsClient(api);
            DatasetVersions = new DatasetVersionsClient(api);
            Splits = new SplitsClient(api);
            Labels = new LabelsClient(api);
            Items = new ItemsClient(api);
            Annotations = new AnnotationsClient(api);
            Shares = new SharesClient(api);
            Jobs = new JobsClient(api);
            Api = api;
        }

        public Uri BaseUri => _connection.BaseUri;

        /// <summary>The User-Agent, retry and timeout settings this client was made with.</summary>
        public SeeMeConnectionOptions Options => _connection.Options;
        public string? Username => _connection.Username;
        /// <summary>The logged-in user's id (known after <see cref="LoginAsync"/>).</summary>
        public string? UserId { get; private set; }
        public bool IsAuthenticated => _connection.HasCredentials;

        public ApplicationsClient Applications { get; }
        public ModelsClient Models { get; }
        public ModelVersionsClient ModelVersions { get; }
        public PredictionsClient Predictions { get; }
        public DatasetsClient Datasets { get; }
        public DatasetVersionsClient DatasetVersions { get; }
        public SplitsClient Splits { get; }
        public LabelsClient Labels { get; }
        public ItemsClient Items { get; }
        public AnnotationsClient Annotations { get; }
        public SharesClient Shares { get; }
        public JobsClient Jobs { get; }

        internal ApiConnection Api { get; }

        /// <summary>Logs in with a password; later calls use the returned API key.</summary>
        public async Task LoginAsync(string username, string password, CancellationToken cancellationToken = default)
        {
            Ensure.NotNullOrEmpty(username, nameof(username));
            Ensure.NotNull(password, nameof(password));
            var body = new Newtonsoft.Json.Linq.JObject { ["username"] = username, ["password"] = password };
            var reply = await Api.PostAsync<LoginReply>("login", body, Idempotency.Repeatable, cancellationToken).ConfigureAwait(false);
            _connection.SetCredentials(reply.Username, reply.Apikey);
            UserId = reply.Id;
        }

        /// <summary>Uses an API key (no call is made; the first call checks it).</summary>
        public void UseApiKey(string username, string apiKey) => _connection.SetCredentials(username, apiKey);

        /// <summary>Registers a new user (does not log in).</summary>
        public Task<User> RegisterAsync(NewUser user, CancellationToken cancellationToken = default) =>
            Api.PostAsync<User>("register", Ensure.NotNull(user, nameof(user)), Idempotency.Create, cancellationToken);

        /// <summary>Deletes the logged-in user (later SDKs) and forgets the credentials.</summary>
        public async Task<User> DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
        {
            var deleted = await Api.DeleteAsync<User>(ApiPath.Of("users", Ensure.NotNullOrEmpty(userId, nameof(userId))), cancellationToken).ConfigureAwait(false);
            Logout();
            return deleted;
        }

        /// <summary>Forgets the credentials (there is no logout call).</summary>
        public void Logout()
        {
            _connection.ClearCredentials();
            UserId = null;
        }

        public void Dispose() => _connection.Dispose();
    }
}
