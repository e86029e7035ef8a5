namespace SeeMe.Core.Clients
{
    /// <summary>Filters and paging of a dataset version's item listing.</summary>
    public sealed class ItemQuery : PagedQuery
    {
        /// <summary>Pages of 100 items (the service's own default is 10).</summary>
        public ItemQuery() : base(100) { }

        public string? SplitId { get; set; }
        public string? LabelId { get; set; }
        public bool OnlyUnlabelled { get; set; }
    }
}
