using System.Collections.Generic;

namespace SeeMe.Core.Clients
{
    /// <summary>Filters and paging of a model's prediction history.</summary>
    public sealed class PredictionQuery : PagedQuery
    {
        /// <summary>Predictions per request unless <see cref="PagedQuery.PageSize"/> says otherwise (as the SDK asks for them).</summary>
        public const int DefaultPageSize = 25;

        public PredictionQuery() : base(DefaultPageSize) { }

        public IList<string> ModelVersionIds { get; set; } = new List<string>();
        public bool IncludeAlreadyAdded { get; set; }
        public bool ShowHidden { get; set; }
    }
}
