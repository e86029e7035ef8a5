using System.Management.Automation;
using System.Text.RegularExpressions;
using SeeMe.Core.Entities;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// -ThrottleLimit: several per-item requests in flight, output in input order, one error per bad
/// input, -WhatIf/-Confirm per item before it is sent, Ctrl+C with requests in flight.
/// </summary>
public sealed class ThrottleLimitCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private static readonly SKColor[] Colours = [TestImages.Red, TestImages.Green, TestImages.Blue];
    private static readonly string[] ColourNames = ["red", "green", "blue"];
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Parallel_predictions_come_out_in_input_order_naming_their_inputs_and_equal_the_sequential_run()
    {
        using var ps = Connected();
        var model = ImageModel(ps);
        // Big and small images mixed, so later (small) requests tend to be answered before earlier (big) ones.
        var inputs = Enumerable.Range(0, 30).Select(i => (File: _files.Image($"in{i:00}.png", Colours[i * 7 % 3], i % 4 == 0 ? 900 : 16), Colour: ColourNames[i * 7 % 3])).ToList();
        var files = inputs.Select(i => new FileInfo(i.File)).ToArray();
        await using var remote = await RecordingProxy.StartAsync(server.BaseUri);
        using var throughProxy = ConnectedThrough(remote.BaseUri);
        remote.HoldUntilInFlight = 8; // each request waits at the proxy until 8 are there: only a client that keeps 8 going gets past

        var parallel = throughProxy.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1] -ThrottleLimit 8", files, model);
        var sequential = ps.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1] -ThrottleLimit 1", files, model);

        Assert.Empty(parallel.Errors);
        Assert.Equal(inputs.Select(i => i.File), parallel.OfType<Prediction>().Select(p => (string)p.Input));
        Assert.Equal(inputs.Select(i => i.Colour), parallel.OfType<Prediction>().Select(p => p.Label));
        Assert.Equal(Summary(sequential), Summary(parallel));
        Assert.Equal(8, remote.MostInFlight); // 8 in flight at once, never more
        // Progress: items done of items seen with those in flight, a bar per upload under it, and the item bar closed at the end.
        Assert.Contains(parallel.Progress, p => p.ActivityId == 2 && Regex.IsMatch(p.StatusDescription, @"^\d+ of \d+ done, \d+ in flight$"));
        Assert.Contains(parallel.Progress, p => p.ParentActivityId == 2 && p.StatusDescription.Contains(".png"));
        Assert.Contains(parallel.Progress, p => p.ActivityId == 2 && p.RecordType == ProgressRecordType.Completed && p.StatusDescription == "30 done");
    }

    [Fact]
    public void One_bad_input_among_many_is_one_error_for_it_and_the_others_arrive_in_order()
    {
        using var ps = Connected();
        var model = ImageModel(ps);
        var files = Enumerable.Range(0, 12)
            .Select(i => i == 5 ? _files.Text("broken.png", "not an image") : _files.Image($"ok{i:00}.png", Colours[i % 3]))
            .Select(f => new FileInfo(f)).ToArray();

        var result = ps.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1] -ThrottleLimit 4", files, model);

        var error = Assert.Single(result.Errors);
        Assert.Equal(files[5].FullName, error.TargetObject);
        Assert.StartsWith("Prediction", error.FullyQualifiedErrorId);
        Assert.Equal(files.Where((_, i) => i != 5).Select(f => f.FullName), result.OfType<Prediction>().Select(p => (string)p.Input));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        using var ps = Connected();
        using var client = DatasetTestData.Client(server);
        var (_, version) = DatasetTestData.NewDatasetAsync(client, "robin").GetAwaiter().GetResult();
        var images = Enumerable.Range(0, 6).Select(i => new FileInfo(_files.Image($"w{i}.png", TestImages.Red))).ToArray();

        var result = ps.Run("$args[0] | New-SeeMeDatasetItem -DatasetVersion $args[1] -Label robin -ThrottleLimit 4 -WhatIf", images, version);

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Output);
        Assert.Empty(client.Items.GetPageAsync(version.DatasetId, version.Id, 0).GetAwaiter().GetResult());
    }

    [Fact]
    public void Confirm_asks_for_each_item_before_it_is_sent_and_only_the_yes_ones_are_created()
    {
        using var client = DatasetTestData.Client(server);
        var (_, version) = DatasetTestData.NewDatasetAsync(client).GetAwaiter().GetResult();
        var names = Enumerable.Range(1, 5).Select(i => "item" + i).ToArray();
        var host = new ScriptedHost("Yes", "No", "Yes", "No", "Yes");
        var alreadyThereWhenAsked = new List<bool>();
        host.OnPrompt = message =>
        {
            var asked = names.Single(n => message.Contains($"'{n}'"));
            var present = client.Items.GetPageAsync(version.DatasetId, version.Id, 0).GetAwaiter().GetResult().Select(i => i.Name);
            alreadyThereWhenAsked.Add(present.Contains(asked));
        };
        using var ps = new PowerShellHost(host);
        Assert.Empty(ps.Connect(server).Errors);

        var result = ps.Run("$version = $args[1]; $args[0] | ForEach-Object { New-SeeMeDatasetItem -DatasetVersion $version -Name $_ -Text $_ -Confirm -ThrottleLimit 4 }", names, version);

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Equal(5, host.Prompts.Count);
        Assert.All(alreadyThereWhenAsked, Assert.False);
        Assert.Equal(["item1", "item3", "item5"], result.OfType<DatasetItem>().Select(i => i.Name));
        var stored = client.Items.GetPageAsync(version.DatasetId, version.Id, 0).GetAwaiter().GetResult();
        Assert.Equal(["item1", "item3", "item5"], stored.Select(i => i.Name).Order());
    }

    [Fact]
    public void Confirm_on_a_piped_stream_asks_per_item_while_earlier_ones_are_in_flight()
    {
        using var client = DatasetTestData.Client(server);
        var (_, version) = DatasetTestData.NewDatasetAsync(client).GetAwaiter().GetResult();
        var items = Enumerable.Range(1, 6)
            .Select(i => client.Items.CreateAsync(version.DatasetId, version.Id, new DatasetItem { Name = "gone" + i, Text = "x" }).GetAwaiter().GetResult())
            .ToArray();
        var host = new ScriptedHost("Yes", "Yes", "No", "Yes", "No", "Yes");
        using var ps = new PowerShellHost(host);
        Assert.Empty(ps.Connect(server).Errors);

        var result = ps.Run("$args[0] | Remove-SeeMeDatasetItem -ThrottleLimit 4 -PassThru", (object)items); // one argument: the array

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Equal(6, host.Prompts.Count);
        Assert.Equal(["gone1", "gone2", "gone4", "gone6"], result.OfType<DatasetItem>().Select(i => i.Name));
        var left = client.Items.GetPageAsync(version.DatasetId, version.Id, 0).GetAwaiter().GetResult();
        Assert.Equal(["gone3", "gone5"], left.Select(i => i.Name).Order());
    }

    [Fact]
    public async Task Ctrl_C_with_downloads_in_flight_stops_the_pipeline_and_leaves_no_partial_file()
    {
        using var client = DatasetTestData.Client(server);
        var (_, version) = await DatasetTestData.NewDatasetAsync(client, "robin");
        var items = new List<DatasetItem>();
        for (var i = 0; i < 12; i++)
            items.Add(await DatasetTestData.NewImageItemAsync(client, version, $"bird{i:00}", "train", "robin", _files.Root));
        await using var remote = new LatencyProxy(server.BaseUri, TimeSpan.FromMilliseconds(300));
        using var host = new PowerShellHost();
        Assert.Empty(host.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", remote.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);
        var folder = DatasetTestData.TempFolder(_files);

        using var ps = host.Pipeline("$args[0] | Save-SeeMeDatasetItemImage -Destination $args[1] -ThrottleLimit 4", items.ToArray(), folder);
        var output = new PSDataCollection<PSObject>();
        using var firstFile = new ManualResetEventSlim();
        output.DataAdded += (_, _) => firstFile.Set();
        var running = ps.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.Equal(0, WaitHandle.WaitAny([firstFile.WaitHandle, running.AsyncWaitHandle]));
        ps.Stop();

        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        var left = Directory.GetFiles(folder);
        Assert.DoesNotContain(left, f => f.EndsWith(".partial"));
        Assert.InRange(left.Length, 1, items.Count - 1);
        Assert.All(left, f => Assert.True(new FileInfo(f).Length > 0));
    }

    [Fact]
    public async Task Connect_sets_the_session_default_and_a_command_limit_overrides_it()
    {
        using var ps = Connected();
        var model = ImageModel(ps);
        var files = Enumerable.Range(0, 12).Select(i => new FileInfo(_files.Image($"s{i:00}.png", Colours[i % 3], 16))).ToArray();
        await using var first = await RecordingProxy.StartAsync(server.BaseUri);
        await using var second = await RecordingProxy.StartAsync(server.BaseUri);
        using var byDefaultHost = new PowerShellHost();
        var session = Assert.Single(byDefaultHost.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2] -ThrottleLimit 2",
            first.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).OfType<SeeMe.PowerShell.SeeMeSession>());
        Assert.Equal(2, session.ThrottleLimit);
        using var overriddenHost = ConnectedThrough(second.BaseUri, "-ThrottleLimit 2");
        (first.HoldUntilInFlight, second.HoldUntilInFlight) = (2, 5); // requests wait at each proxy until that many are there

        var byDefault = byDefaultHost.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1]", files, model);
        var overridden = overriddenHost.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1] -ThrottleLimit 5", files, model);

        Assert.Equal(Summary(byDefault), Summary(overridden));
        Assert.Equal(12, byDefault.OfType<Prediction>().Count);
        Assert.Equal(2, first.MostInFlight);  // the session's default, never more
        Assert.Equal(5, second.MostInFlight); // the command's own limit
        var refused = Assert.Single(ps.Run("Invoke-SeeMePrediction -Model $args[0] -Text x -ThrottleLimit 0", model).Errors);
        Assert.StartsWith("ParameterArgumentValidationError", refused.FullyQualifiedErrorId);
        Assert.Contains("ThrottleLimit", refused.ToString());
    }

    /// <summary>A runspace connected through a latency proxy, so requests overlap and the proxy counts them.</summary>
    private PowerShellHost ConnectedThrough(Uri baseUri, string options = "")
    {
        var ps = new PowerShellHost();
        Assert.Empty(ps.Run($"$null = Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2] {options}", baseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);
        return ps;
    }

    private PowerShellHost Connected() => PowerShellHost.ConnectedTo(server);

    private Model ImageModel(PowerShellHost ps)
    {
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", DatasetTestData.Unique("colours")).OfType<Model>());
        var onnx = _files.Bytes(Guid.NewGuid().ToString("N") + ".onnx", OnnxModelBuilder.ImageClassifier());
        var labels = _files.Text(Guid.NewGuid().ToString("N") + ".txt", "red\ngreen\nblue\n");
        Assert.Empty(ps.Run("Publish-SeeMeModel -Model $args[0] -LiteralPath $args[1], $args[2]", model, onnx, labels).Errors);
        return model;
    }

    private static List<string> Summary(ScriptResult result) =>
        result.OfType<Prediction>().Select(p => $"{p.Input}|{p.Label}|{p.Confidence:F5}").ToList();
}
