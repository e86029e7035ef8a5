using System;

namespace SeeMe.Core.Clients
{
    /// <summary>
    /// What every paged listing takes: the page size of each request and which part of the
    /// listing is wanted (<see cref="Skip"/> entries, then at most <see cref="First"/>).
    /// </summary>
    public abstract class PagedQuery
    {
        /// <summary>The most a single request may ask for.</summary>
        public const int MaxPageSize = 1000;

        protected PagedQuery(int pageSize) => PageSize = pageSize;

        /// <summary>Entries per request (1..<see cref="MaxPageSize"/>).</summary>
        public int PageSize { get; set; }

        /// <summary>Entries to skip from the start of the listing (whole pages of them are never fetched).</summary>
        public long Skip { get; set; }

        /// <summary>The most entries to return (default: all).</summary>
        public long First { get; set; } = long.MaxValue;

        /// <summary>The most pages requested at once (1..64, default 1: the next page is fetched while the caller works on the current one).</summary>
        public int PagesAtOnce { get; set; } = 1;

        internal void Validate()
        {
            if (PageSize < 1 || PageSize > MaxPageSize) throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, $"PageSize must be 1 to {MaxPageSize}.");
            if (Skip < 0) throw new ArgumentOutOfRangeException(nameof(Skip), Skip, "Skip must not be negative.");
            if (First < 0) throw new ArgumentOutOfRangeException(nameof(First), First, "First must not be negative.");
            if (PagesAtOnce < 1 || PagesAtOnce > 64) throw new ArgumentOutOfRangeException(nameof(PagesAtOnce), PagesAtOnce, "PagesAtOnce must be 1 to 64.");
        }
    }
}
