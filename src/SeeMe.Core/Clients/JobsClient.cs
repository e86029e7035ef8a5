using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Models;

namespace SeeMe.Core.Clients
{
    /// <summary>jobs (later SDKs).</summary>
    public sealed class JobsClient : ApiClient
    {
        public JobsClient(ApiConnection api) : base(api) { }

        /// <summary>Jobs filtered by application, statuses and type; the three keys are always sent (empty = no filter).</summary>
        public Task<List<Job>> GetAllAsync(string? applicationId = null, IEnumerable<string>? statuses = null, string? jobType = null, CancellationToken cancellationToken = default)
        {
            var path = "jobs?applicationId=" + System.Uri.EscapeDataString(applicationId ?? "") +
                       "&status=" + System.Uri.EscapeDataString(statuses == null ? "" : string.Join(",", statuses)) +
                       "&jobType=" + System.Uri.EscapeDataString(jobType ?? "");
            return Api.GetAsync<List<Job>>(path, cancellationToken);
        }

        public Task<Job> GetAsync(string jobId, CancellationToken cancellationToken = default) => Api.GetAsync<Job>(Path(jobId), cancellationToken);
        public Task<Job> CreateAsync(Job job, CancellationToken cancellationToken = default) => Api.PostAsync<Job>("jobs", Ensure.NotNull(job, nameof(job)), Idempotency.Create, cancellationToken);
        public Task<Job> UpdateAsync(Job job, CancellationToken cancellationToken = default) => Api.PutAsync<Job>(Path(Ensure.NotNull(job, nameof(job)).Id), job, cancellationToken);
        public Task<Job> DeleteAsync(string jobId, CancellationToken cancellationToken = default) => Api.DeleteAsync<Job>(Path(jobId), cancellationToken);

        private static string Path(string jobId) => ApiPath.Of("jobs", Ensure.NotNullOrEmpty(jobId, nameof(jobId)));
    }
}
