using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>datasets/{ds}/versions/{dv}/labels, and label statistics per split.</summary>
    public sealed class LabelsClient : VersionChildClient<DatasetLabel>
    {
        public LabelsClient(ApiConnection api) : base(api, "labels") { }

        /// <summary>Counts per label in a split; the entry with an empty LabelId counts unlabelled items.</summary>
        public Task<List<LabelStat>> GetStatsAsync(string datasetId, string datasetVersionId, string splitId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<LabelStat>>(DatasetPaths.Child(datasetId, datasetVersionId, "labels/splits", splitId), cancellationToken);
    }
}
