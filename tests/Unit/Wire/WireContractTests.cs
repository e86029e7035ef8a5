using System.Collections;
using System.Text.Json.Nodes;
using SeeMe.Core;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.Server.Storage;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;

namespace SeeMe.Tests.Wire;

/// <summary>
/// What the module puts on the wire, recorded at a proxy in front of the real local server, for
/// every cmdlet of the catalogue: each request's route must be one the SDK calls, and each JSON
/// body must carry the keys and types the contract (and the SDK's models) require. A cmdlet that
/// is neither in the table nor listed as sending nothing fails the catalogue test.
/// </summary>
public sealed class WireContractTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IAsyncLifetime, IDisposable
{
    private const string Items = "datasets/{id}/versions/{id}/items";
    private const string Version = "datasets/{id}/versions/{id}";

    /// <summary>The cmdlets that never call the SeeMe API, and why.</summary>
    private static readonly Dictionary<string, string> SendNothing = new()
    {
        ["Start-SeeMeLocalServer"] = "starts a local server process",
        ["Stop-SeeMeLocalServer"] = "stops a local server process",
    };

    private readonly TestFiles _files = new();
    private RecordingProxy _proxy;
    private PowerShellHost _ps;

    public async Task InitializeAsync()
    {
        _proxy = await RecordingProxy.StartAsync(server.BaseUri);
        _ps = new PowerShellHost();
        var connected = _ps.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", _proxy.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey));
        Assert.Empty(connected.Errors);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    public void Dispose()
    {
        _ps?.Dispose();
        _files.Dispose();
    }

    /// <summary>One cmdlet run and the requests it must send (at least these; none when empty; every request it sends is checked against the routes).</summary>
    private sealed record Row(string Cmdlet, string Script, params Expect[] Expected);

    /// <summary>A request: its route, the shape of its JSON body (null: no JSON body), what else must hold.</summary>
    private sealed record Expect(string Route, string Shape = null, Action<RecordedRequest> Check = null);

    private Row[] Catalogue() =>
    [
        new("Get-SeeMeApplication", "Get-SeeMeApplication -ApplicationType image_classification", new Expect("GET applications")),
        new("Get-SeeMeModel", "Get-SeeMeModel", new Expect("GET models")),
        new("New-SeeMeModel", "New-SeeMeModel -Name wire-new", new Expect("POST models", "Model")),
        new("Set-SeeMeModel", "$s.model | Set-SeeMeModel -Description wired",
            new Expect("PUT models/{id}", "Model", r => Assert.Equal("wired", (string)r.Body["description"]))),
        new("New-SeeMeModelVersion", "New-SeeMeModelVersion -Model $s.model -Name wire-v",
            new Expect("POST models/{id}/versions", "ModelVersion", r => Assert.Null(r.Body["version_number"]))),
        new("Get-SeeMeModelVersion", "Get-SeeMeModelVersion -Model $s.model", new Expect("GET models/{id}/versions")),
        new("Set-SeeMeModelVersion", "Get-SeeMeModelVersion -Model $s.model -Id $s.version2.Id | Set-SeeMeModelVersion -Description wired",
            new Expect("PUT models/{id}/versions/{id}", "ModelVersion", r => Assert.Equal(2, (int)r.Body["version_number"]))),
        new("Publish-SeeMeModel", "Publish-SeeMeModel -Model $s.model -Path $s.onnx", Multipart("POST models/{id}/upload")),
        new("Save-SeeMeModel", "$s.model | Save-SeeMeModel -AssetType Onnx -Destination $s.folder -Force", new Expect("GET models/{id}/download/{asset}")),
        new("Set-SeeMeModelLogo", "Set-SeeMeModelLogo -Model $s.model -Path $s.png", Multipart("POST models/{id}/upload")),
        new("Save-SeeMeModelLogo", "Get-SeeMeModel -Id $s.model.Id | Save-SeeMeModelLogo -Destination $s.folder -Force", new Expect("GET models/{id}/download/{asset}")),
        new("Invoke-SeeMePrediction", "Invoke-SeeMePrediction -Model $s.textModel -Text 'what a day'; Invoke-SeeMePrediction -Model $s.model -Path $s.png",
            new Expect("POST inferences/{id}", "InputText"), Multipart("POST inferences/{id}")),
        new("Test-SeeMeModel", "$s.evaluationVersion | Test-SeeMeModel -Model $s.model",
            new Expect("GET models/{id}"), new Expect("GET models/{id}/versions/{id}"), new Expect("GET datasets/{id}"), new Expect("GET " + Version),
            new Expect("GET " + Items, null, r => Assert.Superset(new HashSet<string> { "pageSize", "pageCount", "splitId" }, Keys(r))),
            new Expect("GET " + Items + "/{id}/download"), Multipart("POST inferences/{id}/versions/{id}")),
        new("Get-SeeMePrediction", "Get-SeeMePrediction -Model $s.model -First 1",
            new Expect("GET models/{id}/inferences", null, r => Assert.Superset(new HashSet<string> { "pageCount", "pageSize", "includeAlreadyAdded", "showHidden" }, Keys(r)))),
        new("Set-SeeMePrediction", "$s.prediction | Set-SeeMePrediction -ErrorReported -ErrorMessage wrong",
            new Expect("PUT inferences/{id}", "Inference", r => Assert.True((bool)r.Body["error_reported"]))),

        new("Add-SeeMeShare", "Add-SeeMeShare -Model $s.model -Email $s.email; Add-SeeMeShare -Dataset $s.dataset -Email $s.email -SendInvite",
            new Expect("POST models/{id}/share", "Share", r => { Assert.True((bool)r.Body["without_invite"]); Assert.Equal("models", (string)r.Body["entity_type"]); }),
            new Expect("POST datasets/{id}/share", "Share", r => { Assert.False((bool)r.Body["without_invite"]); Assert.Equal("datasets", (string)r.Body["entity_type"]); })),
        new("Get-SeeMeShare", "Get-SeeMeShare -Model $s.model", new Expect("GET models/{id}/share")),
        new("Remove-SeeMeShare", "Remove-SeeMeShare -Model $s.model -Email $s.email -Confirm:$false", new Expect("DELETE models/{id}/share/{id}")),

        new("New-SeeMeJob", "New-SeeMeJob -Name wire-job -JobType training -Setting @{ epochs = 5 }",
            new Expect("POST jobs", "Job", r =>
            {
                Assert.Equal("waiting", (string)r.Body["status"]);
                var item = Assert.Single(r.Body["items"]!.AsArray())!;
                Assert.Equal(("int", 5), ((string)item["value_type"], (int)item["value"]));
            })),
        new("Get-SeeMeJob", "Get-SeeMeJob",
            new Expect("GET jobs", null, r => Assert.Equal(
                [new("applicationId", ""), new("status", "waiting,started,finished,error"), new("jobType", "training")],
                r.Query.OrderBy(q => q.Key == "jobType").ThenBy(q => q.Key == "status").ToList()))),
        new("Set-SeeMeJob", "Get-SeeMeJob -Id $s.job.Id | Set-SeeMeJob -Status started",
            new Expect("PUT jobs/{id}", "Job", r =>
            {
                var item = Assert.Single(r.Body["items"]!.AsArray())!;
                Assert.False(string.IsNullOrEmpty((string)item["id"]));
                Assert.Equal((string)r.Body["id"], (string)item["job_id"]);
                Assert.NotNull(item["created_at"]);
                Assert.Equal("kept", (string)item["future"]);
            })),
        new("Remove-SeeMeJob", "Remove-SeeMeJob -JobId $s.job.Id -Confirm:$false", new Expect("DELETE jobs/{id}")),

        new("Get-SeeMeDataset", "Get-SeeMeDataset", new Expect("GET datasets")),
        new("New-SeeMeDataset", "New-SeeMeDataset -Name wire-ds -DefaultSplits", new Expect("POST datasets", "Dataset")),
        new("Set-SeeMeDataset", "Get-SeeMeDataset -Id $s.dataset.Id | Set-SeeMeDataset -Description wired", new Expect("PUT datasets/{id}", "Dataset")),
        new("Set-SeeMeDatasetLogo", "$s.dataset | Set-SeeMeDatasetLogo -Path $s.png", Multipart("POST datasets/{id}/upload")),
        new("Save-SeeMeDatasetLogo", "Get-SeeMeDataset -Id $s.dataset.Id | Save-SeeMeDatasetLogo -Destination $s.folder -Force", new Expect("GET datasets/{id}/logo")),
        new("Get-SeeMeDatasetVersion", "$s.dataset | Get-SeeMeDatasetVersion", new Expect("GET datasets/{id}/versions")),
        new("New-SeeMeDatasetVersion", "New-SeeMeDatasetVersion -DatasetId $s.dataset.Id -Name wire-v2", new Expect("POST datasets/{id}/versions", "DatasetVersion")),
        new("Set-SeeMeDatasetVersion", "$s.version | Set-SeeMeDatasetVersion -Description wired", new Expect("PUT " + Version, "DatasetVersion")),
        new("Copy-SeeMeDatasetVersion", "$s.version | Copy-SeeMeDatasetVersion", new Expect("POST " + Version + "/new", "Duplicate")),
        new("Export-SeeMeDatasetVersion", "$s.version | Export-SeeMeDatasetVersion -Destination $s.export", new Expect("GET " + Version + "/download")),
        new("Import-SeeMeDatasetVersion", "$s.importVersion | Import-SeeMeDatasetVersion -Path $s.export", Multipart("POST " + Version + "/upload")),
        // A first sync creates the split, the label and the item (then its image); after a move to another label folder and a deletion, a PUT and a DELETE.
        new("Sync-SeeMeDatasetVersion",
            "$s.syncVersion | Sync-SeeMeDatasetVersion -Path $s.sync; [IO.File]::Move($s.sync + '/train/red/s1.png', $s.sync + '/train/blue/s1.png'); " +
            "[IO.File]::Delete($s.sync + '/train/red/s2.png'); $s.syncVersion | Sync-SeeMeDatasetVersion -Path $s.sync -Delete -Confirm:$false",
            new Expect("GET " + Items, null, r => Assert.Superset(new HashSet<string> { "pageSize", "pageCount" }, Keys(r))),
            new Expect("POST " + Version + "/splits", "DatasetSplit"), new Expect("POST " + Version + "/labels", "DatasetLabel"),
            new Expect("POST " + Items, "DatasetItem", r => Assert.Equal("train", (string)r.Body["splits"]![0]!["name"])),
            Multipart("POST " + Items + "/{id}/upload"),
            new Expect("PUT " + Items + "/{id}", "DatasetItem", r => Assert.Single(r.Body["annotations"]!.AsArray())),
            new Expect("DELETE " + Version + "/splits/{id}/items/{id}")),
        new("Remove-SeeMeDatasetVersion", "$s.scratchVersion | Remove-SeeMeDatasetVersion -Confirm:$false", new Expect("DELETE " + Version)),
        new("Remove-SeeMeDataset", "Get-SeeMeDataset -Id $s.scratchDataset.Id | Remove-SeeMeDataset -Confirm:$false", new Expect("DELETE datasets/{id}")),

        new("Get-SeeMeDatasetSplit", "$s.version | Get-SeeMeDatasetSplit", new Expect("GET " + Version + "/splits")),
        new("New-SeeMeDatasetSplit", "$s.version | New-SeeMeDatasetSplit -Name holdout", new Expect("POST " + Version + "/splits", "DatasetSplit")),
        new("Set-SeeMeDatasetSplit", "$s.version | Get-SeeMeDatasetSplit -Name extra | Set-SeeMeDatasetSplit -Description wired", new Expect("PUT " + Version + "/splits/{id}", "DatasetSplit")),
        new("Remove-SeeMeDatasetSplit", "$s.version | Get-SeeMeDatasetSplit -Name extra | Remove-SeeMeDatasetSplit -Confirm:$false", new Expect("DELETE " + Version + "/splits/{id}")),
        new("Get-SeeMeDatasetLabel", "$s.version | Get-SeeMeDatasetLabel", new Expect("GET " + Version + "/labels")),
        new("New-SeeMeDatasetLabel", "$s.version | New-SeeMeDatasetLabel -Name blue", new Expect("POST " + Version + "/labels", "DatasetLabel")),
        new("Set-SeeMeDatasetLabel", "$s.version | Get-SeeMeDatasetLabel -Name spare | Set-SeeMeDatasetLabel -Color '#00ff00'", new Expect("PUT " + Version + "/labels/{id}", "DatasetLabel")),
        new("Remove-SeeMeDatasetLabel", "$s.version | Get-SeeMeDatasetLabel -Name spare | Remove-SeeMeDatasetLabel -Confirm:$false", new Expect("DELETE " + Version + "/labels/{id}")),
        new("Get-SeeMeDatasetLabelStatistic", "$s.version | Get-SeeMeDatasetLabelStatistic -Split train", new Expect("GET " + Version + "/labels/splits/{id}")),

        new("Get-SeeMeDatasetItem", "$s.version | Get-SeeMeDatasetItem",
            new Expect("GET " + Items, null, r => Assert.Superset(new HashSet<string> { "pageSize", "pageCount" }, Keys(r)))),
        new("New-SeeMeDatasetItem", "$s.version | New-SeeMeDatasetItem -Name wire-item -Text hello -Split train -Label red",
            new Expect("POST " + Items, "DatasetItem", r =>
            {
                var split = Assert.Single(r.Body["splits"]!.AsArray())!;
                Assert.Equal("train", (string)split["name"]);
                Assert.NotNull(split["created_at"]);
                Assert.False(string.IsNullOrEmpty((string)split["version_id"]));
            })),
        new("Set-SeeMeDatasetItem", "Get-SeeMeDatasetItem -DatasetVersion $s.version -Id $s.item.Id | Set-SeeMeDatasetItem -Description wired",
            new Expect("PUT " + Items + "/{id}", "DatasetItem", r => Assert.Equal("train", (string)r.Body["splits"]![0]!["name"]))),
        new("Set-SeeMeDatasetItemImage", "$s.item | Set-SeeMeDatasetItemImage -LiteralPath $s.png", Multipart("POST " + Items + "/{id}/upload")),
        new("Save-SeeMeDatasetItemImage", "$s.item | Save-SeeMeDatasetItemImage -Destination $s.folder -Force", new Expect("GET " + Items + "/{id}/download")),
        new("Get-SeeMeAnnotation", "Get-SeeMeDatasetItem -DatasetVersion $s.version -Id $s.item.Id | Get-SeeMeAnnotation", new Expect("GET " + Items + "/{id}")),
        new("Add-SeeMeAnnotation", "$s.item | Add-SeeMeAnnotation -Label red -Coordinates '0.5 0.5 0.2 0.2'",
            new Expect("POST " + Version + "/annotations", "Annotation", r => Assert.False(string.IsNullOrEmpty((string)r.Body["split_id"])))),
        new("Set-SeeMeAnnotation", "Get-SeeMeDatasetItem -DatasetVersion $s.version -Id $s.item.Id | Get-SeeMeAnnotation | Where-Object Coordinates | Set-SeeMeAnnotation -Coordinates '0.4 0.4 0.1 0.1'",
            new Expect("PUT " + Version + "/annotations/{id}", "Annotation")),
        new("Remove-SeeMeAnnotation", "Get-SeeMeDatasetItem -DatasetVersion $s.version -Id $s.item.Id | Get-SeeMeAnnotation | Where-Object Coordinates | Remove-SeeMeAnnotation -Confirm:$false",
            new Expect("DELETE " + Version + "/annotations/{id}")),
        // Deleting goes through the item's splits (the newer SDK); only an item in no split uses the 0.13.7 route.
        new("Remove-SeeMeDatasetItem",
            "$s.twoSplitItem | Remove-SeeMeDatasetItem -Confirm:$false; Remove-SeeMeDatasetItem -DatasetId $s.dataset.Id -DatasetVersionId $s.version.Id -Id $s.loneItem.Id -Confirm:$false",
            new Expect("DELETE " + Version + "/splits/{id}/items/{id}", null, r => Assert.Contains(SceneSplit("train"), r.Path)),
            new Expect("DELETE " + Version + "/splits/{id}/items/{id}", null, r => Assert.Contains(SceneSplit("valid"), r.Path)),
            new Expect("DELETE " + Items + "/{id}", null, r => Assert.EndsWith("/" + _loneItemId, r.Path))),

        new("Remove-SeeMeModelVersion", "Get-SeeMeModelVersion -Model $s.model -Id $s.version2.Id | Remove-SeeMeModelVersion -Confirm:$false", new Expect("DELETE models/{id}/versions/{id}")),
        new("Remove-SeeMeModel", "Get-SeeMeModel -Id $s.scratchModel.Id | Remove-SeeMeModel -Confirm:$false", new Expect("DELETE models/{id}")),
        new("Register-SeeMeUser", "Register-SeeMeUser -Username $s.newUser -Email ($s.newUser + '@example.test') -Password $s.password -BaseUri $s.baseUri", new Expect("POST register", "Register")),
        new("Connect-SeeMe", "Connect-SeeMe -Credential ([pscredential]::new($s.newUser, $s.password)) -BaseUri $s.baseUri", new Expect("POST login", "Login")),
        new("Disconnect-SeeMe", "Disconnect-SeeMe"),
    ];

    private static Expect Multipart(string route) =>
        new(route, null, r => Assert.StartsWith("multipart/form-data", r.ContentType));

    private static HashSet<string> Keys(RecordedRequest request) => request.Query.Select(q => q.Key).ToHashSet();

    // Scene values some checks need (set before the rows run).
    private Dictionary<string, string> _sceneSplits = new();
    private string _loneItemId = "";
    private string SceneSplit(string name) => _sceneSplits[name];

    [Fact]
    public void Every_cmdlet_of_the_module_is_in_the_wire_table_or_known_to_send_nothing()
    {
        var exported = _ps.Run("(Get-Command -Module SeeMe).Name").Objects.Cast<string>().ToHashSet();
        var covered = Catalogue().Select(r => r.Cmdlet).Concat(SendNothing.Keys).ToHashSet();
        Assert.Empty(exported.Except(covered));
        Assert.Empty(covered.Except(exported));
    }

    [Fact]
    public async Task Every_request_the_module_sends_is_an_sdk_route_with_the_body_the_contract_requires()
    {
        _ps.Run("$global:s = $args[0]", await SceneAsync());
        var failures = new List<string>();
        foreach (var row in Catalogue())
        {
            _proxy.Clear();
            var result = _ps.Run(row.Script);
            var sent = _proxy.Requests;
            failures.AddRange(result.Errors.Select(e => $"{row.Cmdlet}: error {e.FullyQualifiedErrorId}: {e}"));
            failures.AddRange(sent.Where(r => !WireContract.Routes.Any(route => WireContract.Matches(route, r.Method, r.Path)))
                .Select(r => $"{row.Cmdlet}: {r.Method} {r.Path} is not a route the SDK calls"));
            if (row.Expected.Length == 0 && sent.Count > 0) failures.Add($"{row.Cmdlet} should send nothing but sent: {string.Join(" | ", sent)}");
            var unused = sent.ToList();
            foreach (var expect in row.Expected)
            {
                var request = unused.FirstOrDefault(r => WireContract.Matches(expect.Route, r.Method, r.Path) && Passes(expect, r) == null);
                if (request == null)
                {
                    var candidates = unused.Where(r => WireContract.Matches(expect.Route, r.Method, r.Path)).ToList();
                    failures.Add($"{row.Cmdlet}: no {expect.Route} as the contract wants it; sent: " +
                                 (candidates.Count == 0 ? string.Join(" | ", sent) : string.Join(" | ", candidates.Select(c => Passes(expect, c)))));
                    continue;
                }
                unused.Remove(request);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Why <paramref name="request"/> does not meet <paramref name="expect"/>, or null when it does.</summary>
    private static string Passes(Expect expect, RecordedRequest request)
    {
        if (expect.Shape != null)
        {
            var problems = WireContract.Problems(expect.Shape, request.Body).ToList();
            if (problems.Count > 0) return request + " → " + string.Join("; ", problems);
        }
        else if (request.Body != null && request.Method is "GET" or "DELETE") return request + " → a body on " + request.Method;
        try { expect.Check?.Invoke(request); }
        catch (Exception e) { return request + " → " + e.Message; }
        return null;
    }

    /// <summary>Everything the rows work on, made through Core straight at the server (so none of it is recorded).</summary>
    private async Task<Hashtable> SceneAsync()
    {
        using var client = server.SeedUser();
        var applications = await client.Applications.GetAllAsync();
        var imageApp = applications.First(a => a.Framework == "onnx" && a.ApplicationType == "image_classification");
        var textApp = applications.First(a => a.Framework == "onnx" && a.ApplicationType == "text_classification");
        var onnx = _files.Bytes("model.onnx", KnownModels.ColourClassifier());
        var png = _files.Image("red.png", SKColors.Red);

        var model = await client.Models.CreateAsync(new Model { Name = "wire", ApplicationId = imageApp.Id });
        await client.Models.UploadFileAsync(model.Id, onnx);
        await client.Models.UploadFileAsync(model.Id, _files.Bytes("labels.txt", KnownModels.LabelsFile(KnownModels.Colours)));
        var version2 = await client.ModelVersions.CreateAsync(model.Id, new ModelVersion { Name = "two", ApplicationId = imageApp.Id });
        var prediction = await client.Predictions.PredictFileAsync(model.Id, null, png);
        var textModel = await client.Models.CreateAsync(new Model { Name = "wire-text", ApplicationId = textApp.Id });
        await client.Models.UploadFileAsync(textModel.Id, _files.Bytes("text.onnx", KnownModels.TextClassifier()));
        await client.Models.UploadFileAsync(textModel.Id, _files.Bytes("sentiments.txt", KnownModels.LabelsFile(KnownModels.Sentiments)));
        var scratchModel = await client.Models.CreateAsync(new Model { Name = "wire-scratch" });

        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = "wire", ContentType = "images", DefaultSplits = true });
        var versionId = dataset.Versions[0].Id;
        await client.Labels.CreateAsync(dataset.Id, versionId, new DatasetLabel { Name = "red" });
        await client.Labels.CreateAsync(dataset.Id, versionId, new DatasetLabel { Name = "spare" });
        await client.Splits.CreateAsync(dataset.Id, versionId, new DatasetSplit { Name = "extra" });
        var version = await client.DatasetVersions.GetAsync(dataset.Id, versionId);
        DatasetSplit Split(string name) => version.Splits.Single(s => s.Name == name);
        var red = version.Labels.Single(l => l.Name == "red");
        var item = await client.Items.CreateAsync(dataset.Id, versionId, new DatasetItem
        {
            Name = "i1", Splits = { Split("train") }, Annotations = { new Annotation { LabelId = red.Id, SplitId = Split("train").Id } },
        });
        item = await client.Items.UploadImageAsync(dataset.Id, versionId, item.Id, png);
        var twoSplitItem = await client.Items.CreateAsync(dataset.Id, versionId, new DatasetItem { Name = "i2", Splits = { Split("train"), Split("valid") } });
        var loneItem = await client.Items.CreateAsync(dataset.Id, versionId, new DatasetItem { Name = "i3" });
        var importVersion = await client.DatasetVersions.CreateAsync(dataset.Id, new DatasetVersion { Name = "import" });
        var scratchVersion = await client.DatasetVersions.CreateAsync(dataset.Id, new DatasetVersion { Name = "scratch" });
        var scratchDataset = await client.Datasets.CreateAsync(new Dataset { Name = "wire-scratch" });
        var evaluationVersion = await EvaluationVersionAsync(client, png);
        var syncVersion = await client.DatasetVersions.CreateAsync(dataset.Id, new DatasetVersion { Name = "sync" });
        _files.Image("sync/train/red/s1.png", SKColors.Red);
        _files.Image("sync/train/red/s2.png", SKColors.Green);
        Directory.CreateDirectory(_files.PathOf("sync/train/blue"));

        var job = await client.Jobs.CreateAsync(new Job { Name = "wire", JobType = "training", Status = "waiting", Items = { JobItem.For("epochs", 5) } });
        // A field this client version does not know, on a nested item: a PUT must send it back.
        var stored = server.Server.Store.Get(Kinds.Job, job.Id)!;
        stored["items"]![0]!["future"] = "kept";
        server.Server.Store.Put(Kinds.Job, stored);

        var (other, email) = await server.NewUserAsync();
        other.Dispose();
        _sceneSplits = version.Splits.ToDictionary(s => s.Name, s => s.Id);
        _loneItemId = loneItem.Id;
        return new Hashtable
        {
            ["model"] = model, ["version2"] = version2, ["prediction"] = prediction, ["textModel"] = textModel, ["scratchModel"] = scratchModel,
            ["dataset"] = dataset, ["version"] = version, ["item"] = item, ["twoSplitItem"] = twoSplitItem, ["loneItem"] = loneItem,
            ["importVersion"] = importVersion, ["scratchVersion"] = scratchVersion, ["syncVersion"] = syncVersion, ["sync"] = _files.PathOf("sync"), ["scratchDataset"] = scratchDataset, ["job"] = job,
            ["evaluationVersion"] = evaluationVersion,
            ["email"] = email, ["onnx"] = onnx, ["png"] = png, ["folder"] = Directory.CreateDirectory(_files.PathOf("saved")).FullName,
            ["export"] = _files.PathOf("export"), ["newUser"] = "wire" + Guid.NewGuid().ToString("N")[..10],
            ["password"] = PowerShellHost.Secure("correct horse battery"), ["baseUri"] = _proxy.BaseUri,
        };
    }

    /// <summary>A dataset version with the colour model's labels and one labelled picture in its test split, to evaluate on.</summary>
    private static async Task<DatasetVersion> EvaluationVersionAsync(SeeMeClient client, string png)
    {
        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = "wire-evaluation", ContentType = "images", DefaultSplits = true });
        var versionId = dataset.Versions[0].Id;
        foreach (var colour in KnownModels.Colours) await client.Labels.CreateAsync(dataset.Id, versionId, new DatasetLabel { Name = colour });
        var version = await client.DatasetVersions.GetAsync(dataset.Id, versionId);
        var test = version.Splits.Single(s => s.Name == "test");
        var item = await client.Items.CreateAsync(dataset.Id, versionId, new DatasetItem
        {
            Name = "red", Splits = { test }, Annotations = { new Annotation { LabelId = version.Labels.Single(l => l.Name == "red").Id, SplitId = test.Id } },
        });
        await client.Items.UploadImageAsync(dataset.Id, versionId, item.Id, png);
        return version;
    }
}
