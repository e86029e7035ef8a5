using System.Net;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

/// <summary>
/// Names of items, labels and splits become file and folder names in an export, so a name longer
/// than 200 characters is refused on the way in, from a request body or from an imported zip,
/// and the version's export keeps working (issue 8, item 7).
/// </summary>
public sealed class NameLimitTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private static readonly string Huge = new('n', 70_000);
    private static readonly string Longest = new('n', 200);

    private readonly DatasetTestApi _api = new(server.RawClient());

    [Theory]
    [InlineData("labels", "label")]
    [InlineData("splits", "split")]
    [InlineData("items", "item")]
    public async Task A_70000_character_name_is_400_naming_the_field_and_the_limit(string route, string noun)
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);

        var message = await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync($"{path}/{route}", new { name = Huge }));
        Assert.Contains("'name'", message);
        Assert.Contains("70,000 characters long", message); // refused by the general field limit before anything else
        var justOver = await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync($"{path}/{route}", new { name = Longest + "n" }));
        Assert.Contains($"{noun} name can have at most 200 characters", justOver);

        var created = await _api.OkAsync(_api.PostAsync($"{path}/{route}", new { name = Longest }));
        Assert.Equal(Longest, (string)created["name"]);
        await FailsAsync(HttpStatusCode.BadRequest, _api.PutAsync($"{path}/{route}/{(string)created["id"]}", new { name = Longest + "n" }));
        Assert.Equal(Longest, (string)(await _api.OkAsync(_api.GetAsync($"{path}/{route}/{(string)created["id"]}")))["name"]);
        await _api.DownloadAsync(path + "/download?format=folders");
    }

    public static TheoryData<string, string> LongNamesInZips => new()
    {
        { "train/" + new string('l', 201) + "/a.png", "label name of 201 characters" },
        { new string('s', 201) + "/a.png", "split name of 201 characters" },
        { "train/" + new string('i', 201) + ".png", "item name of 201 characters" },
    };

    [Theory]
    [MemberData(nameof(LongNamesInZips))]
    public async Task An_import_with_a_name_over_the_limit_is_400_and_imports_nothing(string entry, string expected)
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var zip = ZipFormatTests.Zip(new() { ["train/cat/good.png"] = Image(), [entry] = Image() });

        var message = await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync(path + "/upload/folders", zip, "names.zip", "application/zip"));

        Assert.Contains(expected, message);
        Assert.Contains("at most 200", message);
        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/labels"))).AsArray());
    }
}
