using System.Collections.Generic;

namespace SeeMe.Core.Clients
{
    /// <summary>Filters and paging of a model's prediction history.</summary>
    public sealed class PredictionQuery : PagedQuery
    {
        /// <summary>Pages of 25 predictions, as the SDK asks for them.</summary>
        public PredictionQuery() : base(25) { }

        public IList<string> ModelVersionIds { get; set; } = new List<string>();
        public bool IncludeAlreadyAdded { get; set; }
        public bool ShowHidden { get; set; }
    }
}
