using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Core.Clients
{
    /// <summary>
    /// Every listing that pages (dataset items, predictions, ...) is read through this one type.
    /// It starts at the page that holds the first wanted entry (skipped pages are never
    /// downloaded), stops once <see cref="PagedQuery.First"/> entries were handed out, and keeps up to
    /// <see cref="PagedQuery.PagesAtOnce"/> page requests in flight while the caller works on the current
    /// page: pages are handed out in order, none past the last one <see cref="PagedQuery.First"/> needs,
    /// and the first short page ends the listing. Use <c>await foreach</c>, or
    /// <see cref="NextPageAsync"/> to handle a page at a time. (netstandard2.0 has no
    /// IAsyncEnumerable without another package, so this is the pattern-based async enumerator
    /// the C# compiler accepts.)
    /// </summary>
    public sealed class Pages<T>
    {
        private readonly Func<int, CancellationToken, Task<List<T>>> _fetchPage;
        private readonly Queue<Task<List<T>>> _requested = new Queue<Task<List<T>>>();
        private readonly int _pageSize;
        private readonly int _pagesAtOnce;
        private readonly int _lastWantedPage;
        private int _nextPage;
        private int _nextRequest;
        private int _dropFromNextPage;
        private long _left;
        private bool _done;

        /// <param name="fetchPage">Fetches the page with a 0-based index (of <see cref="PagedQuery.PageSize"/> entries).</param>
        /// <param name="query">Page size, entries to skip, how many to take at most and how many pages to ask for at once.</param>
        internal Pages(Func<int, CancellationToken, Task<List<T>>> fetchPage, PagedQuery query)
        {
            query.Validate();
            _fetchPage = fetchPage;
            _pageSize = query.PageSize;
            _pagesAtOnce = query.PagesAtOnce;
            _nextPage = _nextRequest = PageOf(query.Skip);
            _lastWantedPage = query.First == long.MaxValue ? int.MaxValue : Math.Max(_nextPage, PageOf(query.Skip + query.First - 1));
            _dropFromNextPage = (int)(query.Skip % query.PageSize);
            _left = query.First;
        }

        /// <summary>
        /// The total number of entries in the listing, once the last page has been read and it told
        /// (a short page that is not empty, or an empty first page); null until then.
        /// </summary>
        public long? Total { get; private set; }

        /// <summary>The next page's wanted entries, or an empty list after the last one (a short page is the last).</summary>
        public async Task<List<T>> NextPageAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return new List<T>();
            RequestAhead(cancellationToken);
            var pageIndex = _nextPage++;
            var page = await _requested.Dequeue().ConfigureAwait(false);

            var wanted = page.Skip(_dropFromNextPage).Take((int)Math.Min(_left, int.MaxValue)).ToList();
            _dropFromNextPage = 0;
            _left -= wanted.Count;
            var last = page.Count < _pageSize;
            if (last && (page.Count > 0 || pageIndex == 0)) Total = (long)pageIndex * _pageSize + page.Count;
            _done = last || _left <= 0;
            if (_done) _requested.Clear(); // pages past the end: their answers (empty, or failures) are not needed
            else RequestAhead(cancellationToken);
            return wanted;
        }

        public Enumerator GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(this, cancellationToken);

        private int PageOf(long entry) => (int)Math.Min(entry / _pageSize, int.MaxValue);

        /// <summary>Keeps <see cref="PagedQuery.PagesAtOnce"/> pages requested, never past the last page First needs.</summary>
        private void RequestAhead(CancellationToken cancellationToken)
        {
            while (_requested.Count < _pagesAtOnce && _nextRequest <= _lastWantedPage)
                _requested.Enqueue(Request(_nextRequest++, cancellationToken));
        }

        /// <summary>Starts fetching a page now; a failure is seen when the caller asks for that page (never unobserved).</summary>
        private Task<List<T>> Request(int pageIndex, CancellationToken cancellationToken)
        {
            var fetching = _fetchPage(pageIndex, cancellationToken);
            fetching.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            return fetching;
        }

        public sealed class Enumerator
        {
            private readonly Pages<T> _pages;
            private readonly CancellationToken _cancellationToken;
            private List<T> _page = new List<T>();
            private int _index = -1;

            internal Enumerator(Pages<T> pages, CancellationToken cancellationToken)
            {
                _pages = pages;
                _cancellationToken = cancellationToken;
            }

            public T Current => _page[_index];

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
}
