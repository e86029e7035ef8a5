using SeeMe.Core.Entities;
using SeeMe.Tests.Core;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>Items (paging, filters, images) and annotations.</summary>
public sealed class DatasetItemCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Birds_pipeline_saves_the_first_images_with_progress()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (dataset, version) = await NewDatasetAsync(client, "robin");
        var images = TempFolder(_files);
        for (var i = 0; i < 5; i++) await NewImageItemAsync(client, version, "bird" + i, "train", "robin", images);
        var destination = Path.Combine(TempFolder(_files), "sample");

        var result = ps.Run("Get-SeeMeDataset -Name $args[0] | Get-SeeMeDatasetVersion | Get-SeeMeDatasetItem -First 100 | Save-SeeMeDatasetItemImage -Destination $args[1]",
            dataset.Name, destination);

        Assert.Empty(result.Errors);
        var files = result.OfType<FileInfo>();
        Assert.Equal(5, files.Count);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(images, f.Name)), File.ReadAllBytes(f.FullName)));
        Assert.Equal(5, Directory.GetFiles(destination).Length);
        Assert.NotEmpty(result.Progress);
        Assert.Contains(result.Progress, p => p.Activity.StartsWith("Downloading"));
        Assert.DoesNotContain(server.ApiKey, result.AllText());
    }

    [Fact]
    public async Task Get_with_ThrottleLimit_asks_for_several_pages_at_once_and_writes_the_items_in_order_with_First_and_Skip_exact()
    {
        using var client = Client(server);
        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = Unique("many"), ContentType = "text" });
        var version = dataset.Versions[0];
        for (var i = 0; i < 230; i++) await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem { Name = $"t{i:000}", Text = "x" });
        await using var proxy = await RecordingProxy.StartAsync(server.BaseUri);
        using var ps = new PowerShellHost();
        Assert.Empty(ps.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", proxy.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);
        var expected = Enumerable.Range(0, 230).Select(i => $"t{i:000}").ToList();
        proxy.Clear();

        var all = ps.Run("Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -ThrottleLimit 8", dataset.Id, version.Id);

        Assert.Equal(expected, all.OfType<DatasetItem>().Select(i => i.Name));
        // pages 0..7 asked for at once, at most one more as each of pages 0 and 1 came, page 2 the short one. Which of the
        // pages after it reach the server before the listing stops is the network's timing: only the bounds are certain.
        var pages = proxy.Requests.Select(r => int.Parse(r.Query.Single(q => q.Key == "pageCount").Value)).ToList();
        Assert.Subset(pages.ToHashSet(), new HashSet<int> { 0, 1, 2 });
        Assert.All(pages, page => Assert.InRange(page, 0, 9));
        Assert.Equal(pages.Count, pages.Distinct().Count());
        // A proxy of its own for the next listing: requests the first one started past its end may still be on their way.
        await using var second = await RecordingProxy.StartAsync(server.BaseUri);
        Assert.Empty(ps.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", second.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);
        second.Clear(); // Connect-SeeMe's own requests, answered before it returned
        var some = ps.Run("Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -ThrottleLimit 8 -Skip 95 -First 110", dataset.Id, version.Id);
        Assert.Equal(expected.Skip(95).Take(110), some.OfType<DatasetItem>().Select(i => i.Name));
        Assert.Equal(["0", "1", "2"], second.Requests.Select(r => r.Query.Single(q => q.Key == "pageCount").Value).Order());
    }

    [Fact]
    public async Task Get_streams_every_page_and_honours_First_Skip_and_the_filters()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "a", "b");
        var images = TempFolder(_files);
        for (var i = 0; i < 4; i++) await NewImageItemAsync(client, version, "a" + i, "train", "a", images);
        for (var i = 0; i < 2; i++) await NewImageItemAsync(client, version, "b" + i, "valid", "b", images);
        await NewImageItemAsync(client, version, "none", "valid", null, images);

        Assert.Equal(7, ps.Run("$args[0] | Get-SeeMeDatasetItem", version).OfType<DatasetItem>().Count);
        Assert.Equal(2, ps.Run("$args[0] | Get-SeeMeDatasetItem -Skip 5", version).OfType<DatasetItem>().Count);
        Assert.Equal(3, ps.Run("$args[0] | Get-SeeMeDatasetItem -First 3 -Skip 1", version).OfType<DatasetItem>().Count);
        Assert.Equal(4, ps.Run("$args[0] | Get-SeeMeDatasetItem -Label a", version).OfType<DatasetItem>().Count);
        var valid = version.Splits.Single(s => s.Name == "valid");
        Assert.Equal(3, ps.Run("$args[0] | Get-SeeMeDatasetItem -Split $args[1]", version, valid).OfType<DatasetItem>().Count);
        var unlabelled = ps.Run("Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -Unlabelled", version.DatasetId, version.Id);
        Assert.Equal("none", Assert.Single(unlabelled.OfType<DatasetItem>()).Name);
    }

    [Fact]
    public async Task Remove_with_WhatIf_removes_nothing_and_Confirm_false_removes()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "a");
        var images = TempFolder(_files);
        for (var i = 0; i < 3; i++) await NewImageItemAsync(client, version, "x" + i, "train", "a", images);

        var whatIf = ps.Run("$args[0] | Get-SeeMeDatasetItem | Remove-SeeMeDatasetItem -WhatIf", version);
        Assert.Empty(whatIf.Errors);
        Assert.Equal(3, (await client.Items.GetPageAsync(version.DatasetId, version.Id, 0)).Count);

        var removed = ps.Run("$args[0] | Get-SeeMeDatasetItem -First 1 | Remove-SeeMeDatasetItem -Confirm:$false -PassThru", version);
        Assert.Empty(removed.Errors);
        Assert.Single(removed.OfType<DatasetItem>());
        Assert.Equal(2, (await client.Items.GetPageAsync(version.DatasetId, version.Id, 0)).Count);
    }

    [Fact]
    public async Task New_item_from_an_image_with_split_and_label_then_Set_and_replace_the_image()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "robin");
        var folder = TempFolder(_files);
        var image = Png(folder, "robin1.png", SKColors.Orange);
        var other = Png(folder, "robin2.png", SKColors.Blue, 24);

        var created = ps.Run("$args[0] | New-SeeMeDatasetItem -Path $args[1] -Split train -Label robin", version, image);
        Assert.Empty(created.Errors);
        var item = Assert.Single(created.OfType<DatasetItem>());
        Assert.Equal("robin1", item.Name);
        Assert.Equal("png", item.Extension.TrimStart('.'));
        Assert.Equal(version.Labels[0].Id, Assert.Single(item.Annotations).LabelId);
        Assert.Equal(version.Splits.Single(s => s.Name == "train").Id, Assert.Single(item.Splits).Id);

        var changed = ps.Run("$args[0] | Set-SeeMeDatasetItem -Description 'orange' -PassThru | Set-SeeMeDatasetItemImage -LiteralPath $args[1] -PassThru", item, other);
        Assert.Empty(changed.Errors);
        Assert.Equal("orange", Assert.Single(changed.OfType<DatasetItem>()).Description);
        Assert.NotEmpty(changed.Progress);

        var saveTo = TempFolder(_files);
        var saved = ps.Run("Save-SeeMeDatasetItemImage -DatasetId $args[0] -DatasetVersionId $args[1] -Id $args[2] -Destination $args[3]", version.DatasetId, version.Id, item.Id, saveTo);
        Assert.Empty(saved.Errors);
        Assert.Equal(File.ReadAllBytes(other), File.ReadAllBytes(Assert.Single(saved.OfType<FileInfo>()).FullName));
        var again = ps.Run("Save-SeeMeDatasetItemImage -Item $args[0] -Destination $args[1]", item, saveTo);
        Assert.StartsWith("DatasetItemImageFileExists", Assert.Single(again.Errors).FullyQualifiedErrorId); // was WriteFailed before the Save-* ShouldContinue rule
    }

    [Theory]
    [InlineData("empty.png", "", "DatasetItemInvalidData", "is empty")]
    [InlineData("notes.png", "just some text", "DatasetItemInvalidData", "is not a PNG picture")]
    [InlineData("photo.jpg", "\u0089PNG", "DatasetItemInvalidData", "is not a JPEG picture")]
    public async Task New_item_from_a_file_that_is_not_a_picture_is_refused_before_anything_is_created(string name, string content, string errorId, string message)
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "red");
        var file = _files.Bytes(name, content.Select(c => (byte)c).ToArray());

        var result = ps.Run("$args[0] | New-SeeMeDatasetItem -Path $args[1] -Split train -Label red", version, file);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Contains(message, error.Exception.Message);
        Assert.Empty(await DatasetClientTests.ToListAsync(client.Items.GetAll(version.DatasetId, version.Id)));
    }

    [Fact]
    public async Task New_item_whose_image_the_server_refuses_is_removed_again_so_the_count_is_unchanged()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "red");
        var images = TempFolder(_files);
        await NewImageItemAsync(client, version, "kept", "train", "red", images);
        // a PNG signature and then nothing a decoder can read: the client's check passes, the server's refuses it
        var broken = _files.Bytes("broken.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6, 7, 8]);

        var result = ps.Run("$args[0] | New-SeeMeDatasetItem -Path $args[1] -Split train -Label red", version, broken);

        var error = Assert.Single(result.Errors);
        Assert.Contains("not an image", error.Exception.Message);
        var left = await DatasetClientTests.ToListAsync(client.Items.GetAll(version.DatasetId, version.Id));
        Assert.Equal("kept", Assert.Single(left).Name);
    }

    [Fact]
    public async Task New_text_item_and_removing_it_from_one_of_its_splits_only()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "positive");

        var created = ps.Run("New-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -Name t1 -Text 'What a lovely day' -Split train -Label positive", version.DatasetId, version.Id);
        Assert.Empty(created.Errors);
        var item = Assert.Single(created.OfType<DatasetItem>());
        Assert.Equal("What a lovely day", item.Text);
        item.Splits.Add(version.Splits.Single(s => s.Name == "valid"));
        item = await client.Items.UpdateAsync(item); // in two splits: leaving one keeps the item

        var removed = ps.Run("$args[0] | Remove-SeeMeDatasetItem -Split train -Confirm:$false", item);
        Assert.Empty(removed.Errors);
        var after = await client.Items.GetAsync(version.DatasetId, version.Id, item.Id);
        Assert.Equal("valid", Assert.Single(after.Splits).Name);
    }

    [Fact]
    public async Task Remove_deletes_an_item_through_all_its_splits_and_one_in_no_split_directly()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client);
        var twoSplits = await client.Items.CreateAsync(version.DatasetId, version.Id, new DatasetItem
        {
            Name = "both", Splits = [version.Splits.Single(s => s.Name == "train"), version.Splits.Single(s => s.Name == "valid")],
        });
        var lone = await client.Items.CreateAsync(version.DatasetId, version.Id, new DatasetItem { Name = "lone" });

        var removed = ps.Run("""
            Remove-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -Id $args[2] -Confirm:$false -PassThru
            $args[3] | Remove-SeeMeDatasetItem -Confirm:$false -PassThru
            """, version.DatasetId, version.Id, twoSplits.Id, lone);
        Assert.Empty(removed.Errors);
        Assert.Equal(["both", "lone"], removed.OfType<DatasetItem>().Select(i => i.Name));
        foreach (var id in new[] { twoSplits.Id, lone.Id })
            Assert.True((await Assert.ThrowsAsync<SeeMe.Core.Exceptions.SeeMeApiException>(() => client.Items.GetAsync(version.DatasetId, version.Id, id))).IsNotFound);
    }

    [Fact]
    public async Task Annotations_are_added_listed_moved_and_removed()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "robin", "sparrow");
        var item = await NewImageItemAsync(client, version, "scene", "train", null, TempFolder(_files));

        var added = ps.Run("$args[0] | Add-SeeMeAnnotation -Label robin -Coordinates '0.5 0.5 0.2 0.3'", item);
        Assert.Empty(added.Errors);
        var box = Assert.Single(added.OfType<Annotation>());
        Assert.Equal(version.Splits.Single(s => s.Name == "train").Id, box.SplitId);
        ps.Run("$args[0] | Add-SeeMeAnnotation -Label sparrow", item);

        var listed = ps.Run("Get-SeeMeDatasetItem -DatasetVersion $args[0] -Id $args[1] | Get-SeeMeAnnotation", version, item.Id);
        Assert.Equal(2, listed.OfType<Annotation>().Count);

        var moved = ps.Run("Get-SeeMeDatasetItem -DatasetVersion $args[0] -Id $args[1] | Get-SeeMeAnnotation -Label robin | Set-SeeMeAnnotation -Coordinates '0.4 0.4 0.1 0.1' -Label sparrow -PassThru", version, item.Id);
        Assert.Empty(moved.Errors);
        var movedBox = Assert.Single(moved.OfType<Annotation>());
        Assert.Equal("0.4 0.4 0.1 0.1", movedBox.Coordinates);

        var whatIf = ps.Run("Get-SeeMeDatasetItem -DatasetVersion $args[0] -Id $args[1] | Get-SeeMeAnnotation | Remove-SeeMeAnnotation -WhatIf", version, item.Id);
        Assert.Empty(whatIf.Errors);
        Assert.Equal(2, (await client.Items.GetAsync(version.DatasetId, version.Id, item.Id)).Annotations.Count);

        var removed = ps.Run("Get-SeeMeDatasetItem -DatasetVersion $args[0] -Id $args[1] | Get-SeeMeAnnotation | Where-Object Coordinates | Remove-SeeMeAnnotation -Confirm:$false", version, item.Id);
        Assert.Empty(removed.Errors);
        var left = (await client.Items.GetAsync(version.DatasetId, version.Id, item.Id)).Annotations;
        Assert.Equal("", Assert.Single(left).Coordinates);
    }
}
