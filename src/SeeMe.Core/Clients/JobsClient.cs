using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>jobs (later SDKs).</summary>
    public sealed class JobsClient : ApiClient
    {
        public JobsClient(ApiConnection api) : base(api) { }

        /// <summary>
        /// Jobs filtered as the SDK filters them: the three keys are always sent; the statuses default
        /// to every status and the type to training; only the application id may be empty (no filter).
        /// </summary>
        public Task<List<Job>> GetAllAsync(string? applicationId = null, IEnumerable<string>? statuses = null, string? jobType = null, CancellationToken cancellationToken = default)
        {
            var wanted = statuses?.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
            var path = ApiPath.WithQuery("jobs", new[]
            {
                new KeyValuePair<string, string?>("applicationId", applicationId ?? ""),
                new KeyValuePair<string, string?>("status", string.Join(",", wanted == null || wanted.Count == 0 ? JobStatuses.All : wanted)),
                new KeyValuePair<string, string?>("jobType", string.IsNullOrWhiteSpace(jobType) ? JobTypes.Training : jobType),
            });
            return Api.GetAsync<List<Job>>(path, cancellationToken);
        }

        /// <summary>Every job of every type and status: one listing per type (the API filters by one type at a time).</summary>
        public async Task<List<Job>> GetAllOfEveryTypeAsync(CancellationToken cancellationToken = default)
        {
            var lists = await Task.WhenAll(JobTypes.All.Select(type => GetAllAsync(null, null, type, cancellationToken))).ConfigureAwait(false);
            return lists.SelectMany(jobs => jobs).ToList();
        }

        public Task<Job> GetAsync(string jobId, CancellationToken cancellationToken = default) => Api.GetAsync<Job>(Path(jobId), cancellationToken);
        public Task<Job> CreateAsync(Job job, CancellationToken cancellationToken = default) => Api.PostAsync<Job>("jobs", Ensure.NotNull(job, nameof(job)), Idempotency.Create, cancellationToken);
        public Task<Job> UpdateAsync(Job job, CancellationToken cancellationToken = default) => Api.PutAsync<Job>(Path(Ensure.NotNull(job, nameof(job)).Id), job, cancellationToken);
        public Task<Job> DeleteAsync(string jobId, CancellationToken cancellationToken = default) => Api.DeleteAsync<Job>(Path(jobId), cancellationToken);

        private static string Path(string jobId) => ApiPath.Of("jobs", Ensure.NotNullOrEmpty(jobId, nameof(jobId)));
    }
}
