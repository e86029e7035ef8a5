using SeeMe.Core.Entities;
using SeeMe.Server.SampleData;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>The SEEME_* variables are the process's: the classes that set them run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class SeeMeEnvironmentCollection
{
    public const string Name = "SEEME_* environment variables";
}

/// <summary>
/// examples/ci/*.ps1, run as a CI job runs them: the files themselves, connecting from SEEME_USERNAME, SEEME_API_KEY and
/// SEEME_BACKEND, against a local server holding the sample content.
/// </summary>
[Collection(SeeMeEnvironmentCollection.Name)]
public sealed class ExampleCiScriptTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();
    private readonly string _images = SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory).GetAwaiter().GetResult();

    private static string Script(string name) => Path.Combine(Repository.Root, "examples", "ci", name);

    public void Dispose()
    {
        foreach (var name in new[] { "SEEME_USERNAME", "SEEME_API_KEY", "SEEME_BACKEND", "GITHUB_STEP_SUMMARY" }) Environment.SetEnvironmentVariable(name, null);
        _files.Dispose();
    }

    private ScriptResult RunAsCi(string script, params object[] args)
    {
        Environment.SetEnvironmentVariable("SEEME_USERNAME", server.Username);
        Environment.SetEnvironmentVariable("SEEME_API_KEY", server.ApiKey);
        Environment.SetEnvironmentVariable("SEEME_BACKEND", server.BaseUri.ToString());
        using var ps = new PowerShellHost();
        return ps.Run(script, args);
    }

    [Fact]
    public void Classification_writes_a_CSV_of_every_image_and_appends_a_job_summary()
    {
        var summary = _files.Text("summary.md", "earlier step\n");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);

        var result = RunAsCi("& $args[0] -ModelName 'Sample colours' -ImagesPath $args[1] -CsvPath $args[2]",
            Script("Invoke-SeeMeClassification.ps1"), _images, _files.PathOf("out/predictions.csv"));

        Assert.Empty(result.Errors);
        Assert.Equal(18, result.OfType<Prediction>().Count);
        var csv = File.ReadAllLines(_files.PathOf("out/predictions.csv"));
        Assert.Equal("\"File\",\"Label\",\"Confidence\",\"PredictionId\"", csv[0]);
        Assert.Equal(19, csv.Length);
        Assert.All(csv.Skip(1).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray()), row =>
        {
            Assert.StartsWith(row[1] + "-", row[0]); // red-1.png was classified red
            Assert.Matches(@"^0\.\d{4}$", row[2]);
        });
        var text = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n### SeeMe: 'Sample colours' classified 18 images", text);
        Assert.Contains("| red | 6 |", text);
        Assert.Contains("| blue | 6 |", text);
    }

    [Fact]
    public void Classification_with_an_unknown_model_fails_and_writes_nothing()
    {
        var result = RunAsCi("& $args[0] -ModelName 'No such model' -ImagesPath $args[1] -CsvPath $args[2] -SummaryPath $args[3]; 'not reached'",
            Script("Invoke-SeeMeClassification.ps1"), _images, _files.PathOf("predictions.csv"), _files.PathOf("summary.md"));

        Assert.Contains("No such model", Assert.Single(result.Errors).ToString());
        Assert.DoesNotContain("not reached", result.Objects);
        Assert.False(File.Exists(_files.PathOf("predictions.csv")));
        Assert.False(File.Exists(_files.PathOf("summary.md")));
    }

    [Fact]
    public void Without_the_secrets_a_script_fails_with_the_variables_to_set()
    {
        using var ps = new PowerShellHost();
        Environment.SetEnvironmentVariable("SEEME_USERNAME", null);
        Environment.SetEnvironmentVariable("SEEME_API_KEY", null);

        var result = ps.Run("& $args[0] -DatasetName 'Sample colours' -Destination $args[1]", Script("Export-SeeMeDatasetArtifact.ps1"), _files.PathOf("dataset"));

        Assert.Contains("SEEME_API_KEY", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Dataset_export_gives_a_folder_and_a_zip_and_a_second_run_replaces_them_without_asking()
    {
        var destination = _files.PathOf("artifacts/dataset");
        foreach (var run in new[] { 1, 2 })
        {
            var result = RunAsCi("& $args[0] -DatasetName 'Sample colours' -Destination $args[1]", Script("Export-SeeMeDatasetArtifact.ps1"), destination);

            Assert.Empty(result.Errors);
            Assert.Single(result.OfType<DirectoryInfo>());
            Assert.Equal(destination + ".zip", Assert.Single(result.OfType<FileInfo>()).FullName);
            var tree = TestFiles.Tree(destination);
            Assert.Equal(18, tree.Count);
            Assert.Contains("train/red/red-1.png", tree);
            Assert.Contains("test/green/green-6.png", tree);
        }
    }

    [Fact]
    public void Dataset_sync_makes_the_version_follow_the_folder_and_without_a_sync_state_compares_the_images_bytes()
    {
        var name = CoreClients.Unique("ci-sync");
        Assert.Empty(RunAsCi("Connect-SeeMe | Out-Null; New-SeeMeDataset -Name $args[0] -DefaultSplits | Out-Null", name).Errors);
        var data = _files.PathOf("repo/data");
        foreach (var (image, folder) in new[] { ("red-1.png", "train/red"), ("red-2.png", "train/red"), ("green-1.png", "train/green"), ("blue-1.png", "valid/blue") })
            _files.Bytes($"repo/data/{folder}/{image}", File.ReadAllBytes(Path.Combine(_images, image)));
        var summary = _files.Text("sync.md", "earlier step\n");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        SeeMe.Core.Sync.SyncSummary Run()
        {
            var result = RunAsCi("& $args[0] -DatasetName $args[1] -Path $args[2]", Script("Sync-SeeMeDatasetFolder.ps1"), name, data);
            Assert.Empty(result.Errors.Select(e => e.ToString()));
            return Assert.Single(result.OfType<SeeMe.Core.Sync.SyncSummary>());
        }

        Assert.Equal(4, Run().Created);
        Assert.Equal("earlier step\n### SeeMe: '" + name + "' follows " + data + "\n\n| created | updated | deleted | unchanged |\n|---:|---:|---:|---:|\n| 4 | 0 | 0 | 0 |\n",
            File.ReadAllText(summary));

        // A fresh checkout: no sync state, one image changed and one removed since the last run.
        Directory.Delete(Path.Combine(data, ".seeme"), recursive: true);
        File.Copy(Path.Combine(_images, "green-2.png"), Path.Combine(data, "train", "red", "red-2.png"), overwrite: true);
        File.Delete(Path.Combine(data, "valid", "blue", "blue-1.png"));
        var second = Run();
        Assert.Equal((0, 1, 1, 2), (second.Created, second.Updated, second.Deleted, second.Unchanged));
        var third = Run();
        Assert.Equal((0, 0, 0, 3), (third.Created, third.Updated, third.Deleted, third.Unchanged));
    }

    /// <summary>A model named <paramref name="name"/> whose active version is the sample model (or, with <paramref name="empty"/>, has no file yet).</summary>
    private string ModelWithActiveVersion(string name, bool empty = false)
    {
        var setup = RunAsCi("""
            $name, $onnx, $labels, $empty = $args
            Connect-SeeMe | Out-Null
            $app = Get-SeeMeApplication -Framework onnx -ApplicationType image_classification
            $model = New-SeeMeModel -Name $name -ApplicationId $app.Id
            if (-not $empty) { Publish-SeeMeModel -Model $model -LiteralPath $onnx, $labels | Out-Null }
            $model.ActiveVersionId
            """, name, _files.Bytes("sample/model.onnx", SampleModel.Onnx()), _files.Bytes("sample/labels.txt", SampleModel.LabelsFile()), empty);
        Assert.Empty(setup.Errors);
        return Assert.Single(setup.OfType<string>());
    }

    private ScriptResult Publish(string name, string version, byte[] onnx, string reports, string extra = "") =>
        RunAsCi($"& $args[0] -ModelName $args[1] -VersionName $args[2] -Path $args[3], $args[4] -DatasetName 'Sample colours' -ReportFolder $args[5] {extra}",
            Script("Publish-SeeMeModelVersion.ps1"), name, version, _files.Bytes(version + "/model.onnx", onnx), _files.Bytes(version + "/labels.txt", SampleModel.LabelsFile()), reports);

    private string ActiveVersionName(string name)
    {
        var check = RunAsCi("""
            Connect-SeeMe | Out-Null
            $model = Get-SeeMeModel -Name $args[0]
            (Get-SeeMeModelVersion -Model $model -Id $model.ActiveVersionId).Name
            """, name);
        Assert.Empty(check.Errors);
        return Assert.Single(check.OfType<string>());
    }

    [Fact]
    public void A_first_publish_is_evaluated_on_the_test_split_and_becomes_the_active_version_that_predicts_with_it()
    {
        var name = CoreClients.Unique("ci-model");
        var firstVersion = ModelWithActiveVersion(name, empty: true);
        var reports = _files.PathOf("first");

        var result = Publish(name, "build 7", SampleModel.Onnx(), reports, "-MinimumAccuracy 0.9");

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<SeeMe.Core.Evaluation.EvaluationResult>());
        Assert.Equal((3, 1.0), (evaluation.ItemsEvaluated, evaluation.Accuracy));
        Assert.Null(evaluation.Baseline); // the empty first version cannot predict: no baseline
        var model = Assert.Single(result.OfType<Model>());
        Assert.NotEqual(firstVersion, model.ActiveVersionId);
        Assert.Equal(["evaluation.json", "junit.xml", "report.html", "summary.md"], TestFiles.Tree(reports));
        var check = RunAsCi("""
            Connect-SeeMe | Out-Null
            $model = Get-SeeMeModel -Name $args[0]
            Get-SeeMeModelVersion -Model $model | Where-Object Id -eq $model.ActiveVersionId
            Invoke-SeeMePrediction -Model $model -Path $args[1]
            """, name, Path.Combine(_images, "green-3.png"));
        Assert.Empty(check.Errors);
        var active = Assert.Single(check.OfType<ModelVersion>());
        Assert.Equal(("build 7", 1.0), (active.Name, active.Accuracy));
        Assert.Equal("green", Assert.Single(check.OfType<Prediction>()).Label);
    }

    [Fact]
    public void Publishing_a_missing_file_creates_nothing_and_a_rerun_reuses_the_version_of_its_name()
    {
        var name = CoreClients.Unique("ci-model");
        ModelWithActiveVersion(name, empty: true);
        int VersionsNamed(string version) => RunAsCi("Connect-SeeMe | Out-Null; @(Get-SeeMeModel -Name $args[0] | Get-SeeMeModelVersion | Where-Object Name -eq $args[1]).Count",
            name, version).OfType<int>().Single();

        var missing = RunAsCi("& $args[0] -ModelName $args[1] -VersionName 'build 8' -Path $args[2] -DatasetName 'Sample colours'",
            Script("Publish-SeeMeModelVersion.ps1"), name, _files.PathOf("nowhere/model.onnx"));

        Assert.Contains("No such model file", Assert.Single(missing.Errors).Exception.Message);
        Assert.Equal(0, VersionsNamed("build 8"));

        Assert.Empty(Publish(name, "build 8", SampleModel.Onnx(), _files.PathOf("first")).Errors);
        Assert.Empty(Publish(name, "build 8", SampleModel.Onnx(), _files.PathOf("again")).Errors); // a retried CI job
        Assert.Equal(1, VersionsNamed("build 8"));
    }

    [Fact]
    public void A_version_as_good_as_the_active_one_replaces_it()
    {
        var name = CoreClients.Unique("ci-model");
        ModelWithActiveVersion(name);

        var result = Publish(name, "build 8", SampleModel.Onnx(), _files.PathOf("same"));

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<SeeMe.Core.Evaluation.EvaluationResult>());
        Assert.Equal(0.0, evaluation.Baseline!.AccuracyDelta);
        Assert.Equal("build 8", ActiveVersionName(name));
    }

    /// <summary>The rotated classifier calls every colour by the next one's name: accuracy 0 against the active version's 1.</summary>
    [Fact]
    public void A_worse_version_fails_its_evaluation_stays_inactive_and_leaves_the_JUnit_failure_and_the_summary()
    {
        var name = CoreClients.Unique("ci-model");
        ModelWithActiveVersion(name);
        var summary = _files.Text("worse-summary.md", "earlier step\n");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        var reports = _files.PathOf("worse");

        var result = Publish(name, "build 9", KnownModels.RotatedColourClassifier(), reports);

        var error = Assert.Single(result.Errors);
        Assert.Equal("EvaluationRegressed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(result.OfType<Model>());
        Assert.NotEqual("build 9", ActiveVersionName(name));
        Assert.Contains("<failure", File.ReadAllText(Path.Combine(reports, "junit.xml")));
        var text = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n", text);
        Assert.Contains("build 9", text);
    }
}
