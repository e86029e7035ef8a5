using System.Collections.Generic;

namespace SeeMe.Core.Models
{
    /// <summary>A training, validation or conversion job (the service runs them; a local server only stores them).</summary>
    public sealed class Job : NamedEntity
    {
        /// <summary>training, validation or conversion.</summary>
        public string JobType { get; set; } = "";
        public string ApplicationId { get; set; } = "";
        /// <summary>waiting, started, finished or error.</summary>
        public string Status { get; set; } = "";
        public string StatusMessage { get; set; } = "";
        public string UserId { get; set; } = "";
        public string DatasetId { get; set; } = "";
        public string DatasetVersionId { get; set; } = "";
        public string ModelId { get; set; } = "";
        public string ModelVersionId { get; set; } = "";
        public string StartModelId { get; set; } = "";
        public List<JobItem> Items { get; set; } = new List<JobItem>();
    }

    /// <summary>A setting of a job (hyper-parameter and the like).</summary>
    public sealed class JobItem
    {
        public string Name { get; set; } = "";
        public string Value { get; set; } = "";
        public string ValueType { get; set; } = "";
        public string Label { get; set; } = "";
        public string DefaultValue { get; set; } = "";
    }
}
