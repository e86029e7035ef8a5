using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Models;

namespace SeeMe.Core.Clients
{
    /// <summary>
    /// All items of a query, fetched page by page only as they are consumed: use
    /// <c>await foreach</c>, or <see cref="NextPageAsync"/> to handle a page at a time.
    /// (netstandard2.0 has no IAsyncEnumerable without another package, so this is the
    /// pattern-based async enumerator the C# compiler accepts.)
    /// </summary>
    public sealed class ItemPages
    {
        private readonly Func<int, CancellationToken, Task<List<DatasetItem>>> _fetchPage;
        private readonly int _pageSize;
        private int _nextPage;
        private bool _done;

        internal ItemPages(Func<int, CancellationToken, Task<List<DatasetItem>>> fetchPage, int pageSize)
        {
            _fetchPage = fetchPage;
            _pageSize = pageSize;
        }

        /// <summary>The next page, or an empty list after the last one (a short page is the last).</summary>
        public async Task<List<DatasetItem>> NextPageAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return new List<DatasetItem>();
            var page = await _fetchPage(_nextPage++, cancellationToken).ConfigureAwait(false);
            if (page.Count < _pageSize) _done = true;
            return page;
        }

        public Enumerator GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(this, cancellationToken);

        public sealed class Enumerator
        {
            private readonly ItemPages _pages;
            private readonly CancellationToken _cancellationToken;
            private List<DatasetItem> _page = new List<DatasetItem>();
            private int _index = -1;

            internal Enumerator(ItemPages pages, CancellationToken cancellationToken)
            {
                _pages = pages;
                _cancellationToken = cancellationToken;
            }

            public DatasetItem Current => _page[_index];

            public async Task<bool> MoveNextAsync()
            {
                if (++_index < _page.Count) return true;
                _page = await _pages.NextPageAsync(_cancellationToken).ConfigureAwait(false);
                _index = 0;
                return _page.Count > 0;
            }

            public Task DisposeAsync() => Task.CompletedTask;
        }
    }

    /// <summary>Filters and page size of an item listing.</summary>
    public sealed class ItemQuery
    {
        /// <summary>Items per request (1..1000; the service's default is 10).</summary>
        public int PageSize { get; set; } = 100;
        public string? SplitId { get; set; }
        public string? LabelId { get; set; }
        public bool OnlyUnlabelled { get; set; }
    }
}
