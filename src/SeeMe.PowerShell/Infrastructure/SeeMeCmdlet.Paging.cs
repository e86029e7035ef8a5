using System;
using SeeMe.Core.Clients;

namespace SeeMe.PowerShell
{
    /// <summary>How listing commands (SupportsPaging) turn -First/-Skip/-IncludeTotalCount into Core's paged queries.</summary>
    public abstract partial class SeeMeCmdlet
    {
        /// <summary>
        /// The query with -Skip and -First applied. Its pages are no larger than -First needs (at most
        /// <paramref name="largestPage"/>), so a small -First fetches no more than it writes; a command with
        /// -ThrottleLimit asks for that many pages at once (<see cref="PagedQuery.PagesAtOnce"/>).
        /// </summary>
        protected TQuery Paged<TQuery>(TQuery query, int largestPage) where TQuery : PagedQuery
        {
            query.Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue);
            query.First = (long)Math.Min(PagingParameters.First, long.MaxValue);
            query.PageSize = (int)Math.Max(1, Math.Min(query.First, largestPage));
            query.PagesAtOnce = ThrottleLimitInEffect;
            return query;
        }

        /// <summary>
        /// Writes each page as it arrives (Core fetches the next one meanwhile), then the total with
        /// -IncludeTotalCount. A failing page is a non-terminating error for <paramref name="target"/> and ends the listing.
        /// </summary>
        protected void WritePages<T>(Pages<T> pages, object target)
        {
            while (TryRun(ct => pages.NextPageAsync(ct), target, out var page) && page.Count > 0)
                WriteObject(page, enumerateCollection: true);
            if (PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount((ulong)(pages.Total ?? 0), pages.Total == null ? 0.0 : 1.0));
        }
    }
}
