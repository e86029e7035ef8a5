namespace SeeMe.Core.Clients
{
    /// <summary>Filters and paging of a dataset version's item listing.</summary>
    public sealed class ItemQuery : PagedQuery
    {
        /// <summary>Items per request unless <see cref="PagedQuery.PageSize"/> says otherwise (the service's own default is 10).</summary>
        public const int DefaultPageSize = 100;

        public ItemQuery() : base(DefaultPageSize) { }

        public string? SplitId { get; set; }
        public string? LabelId { get; set; }
        public bool OnlyUnlabelled { get; set; }
    }
}
