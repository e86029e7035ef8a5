using System.Web;
using SeeMe.Core;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Core;

/// <summary>
/// Pages&lt;T&gt;, the one paging abstraction: it starts at the page that holds the first wanted entry,
/// stops at First, and has the next page on its way while the caller works on the current one. The
/// requests are observed on their way to the real server (a recording handler, no answers made up).
/// </summary>
public sealed class PagesTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Skip_starts_at_the_page_holding_the_first_wanted_item_and_First_stops_the_fetching()
    {
        var (client, requests, dataset, version) = await DatasetWith25ItemsAsync();
        using var _ = client;

        var some = await DatasetClientTests.ToListAsync(client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 10, Skip = 12, First = 5 }));

        Assert.Equal(["item12", "item13", "item14", "item15", "item16"], some.Select(i => i.Name));
        Assert.Equal([1], requests.PageIndexes()); // page 0 (items 0..9) is never downloaded; nothing after item 16
    }

    [Fact]
    public async Task The_next_page_is_requested_before_the_caller_asks_for_it()
    {
        var (client, requests, dataset, version) = await DatasetWith25ItemsAsync();
        using var _ = client;
        var pages = client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 10, Skip = 5 });

        var first = await pages.NextPageAsync();

        Assert.Equal(Enumerable.Range(5, 5).Select(i => "item" + i), first.Select(i => i.Name));
        await requests.WaitForAsync(2);
        Assert.Equal([0, 1], requests.PageIndexes()); // page 1 is on its way while page 0 is handled
        Assert.Equal(10, (await pages.NextPageAsync()).Count);
        Assert.Equal(5, (await pages.NextPageAsync()).Count);
        Assert.Empty(await pages.NextPageAsync());
        Assert.Equal(25, pages.Total);
        Assert.Equal([0, 1, 2], requests.PageIndexes()); // a short page is the last: no request after it
    }

    [Fact]
    public async Task Skipping_past_the_end_gives_nothing_and_bad_ranges_are_refused()
    {
        var (client, requests, dataset, version) = await DatasetWith25ItemsAsync();
        using var _ = client;

        Assert.Empty(await DatasetClientTests.ToListAsync(client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 10, Skip = 40 })));
        Assert.Equal([4], requests.PageIndexes());
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { Skip = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 0 }));
    }

    [Fact]
    public async Task PagesAtOnce_asks_for_several_pages_together_hands_them_out_in_order_and_stops_at_the_first_short_page()
    {
        var (client, requests, dataset, version) = await DatasetWith25ItemsAsync();
        using var _ = client;
        var pages = client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 4, PagesAtOnce = 3 });

        var first = await pages.NextPageAsync();

        Assert.Equal(["item0", "item1", "item2", "item3"], first.Select(i => i.Name));
        await requests.WaitForAsync(4);
        Assert.Equal([0, 1, 2, 3], requests.PageIndexes().Order()); // three asked for at once, and one more when the first came
        var rest = await DatasetClientTests.ToListAsync(pages);
        Assert.Equal(Enumerable.Range(4, 21).Select(i => "item" + i), rest.Select(i => i.Name));
        Assert.Equal(25, pages.Total);
        var asked = requests.PageIndexes();
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.InRange(asked.Max(), 6, 8); // page 6 (items 24..) is the short one; at most two more were on their way
    }

    [Fact]
    public async Task PagesAtOnce_keeps_Skip_and_First_exact_and_asks_for_no_page_past_the_last_one_First_needs()
    {
        var (client, requests, dataset, version) = await DatasetWith25ItemsAsync();
        using var _ = client;

        var some = await DatasetClientTests.ToListAsync(client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 5, Skip = 7, First = 9, PagesAtOnce = 8 }));

        Assert.Equal(Enumerable.Range(7, 9).Select(i => "item" + i), some.Select(i => i.Name));
        Assert.Equal([1, 2, 3], requests.PageIndexes().Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PagesAtOnce = 0 }));
    }

    private async Task<(SeeMeClient Client, RecordingHandler Requests, Dataset Dataset, DatasetVersion Version)> DatasetWith25ItemsAsync()
    {
        var requests = new RecordingHandler("/items");
        var client = new SeeMeClient(server.BaseUri, requests);
        client.UseApiKey(server.Username, server.ApiKey);
        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = CoreClients.Unique("pages"), ContentType = "text" });
        var version = dataset.Versions[0];
        for (var i = 0; i < 25; i++)
            await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem { Name = "item" + i, Text = "t" + i });
        requests.Clear();
        return (client, requests, dataset, version);
    }

    /// <summary>Passes every request on to the real server and remembers the GETs whose path ends as given.</summary>
    private sealed class RecordingHandler(string pathEnd) : DelegatingHandler(new HttpClientHandler())
    {
        private readonly List<Uri> _uris = [];

        public void Clear()
        {
            lock (_uris) _uris.Clear();
        }

        public List<int> PageIndexes()
        {
            lock (_uris) return _uris.Select(u => int.Parse(HttpUtility.ParseQueryString(u.Query)["pageCount"]!)).ToList();
        }

        /// <summary>Waits until <paramref name="count"/> pages were requested (giving up after far longer than that takes).</summary>
        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (PageIndexes().Count < count && DateTime.UtcNow < deadline) await Task.Delay(10);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith(pathEnd))
                lock (_uris) _uris.Add(request.RequestUri);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
