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

    [Fact]
    public void Publishing_a_model_file_makes_a_new_active_version_that_predicts_with_it()
    {
        var name = CoreClients.Unique("ci-model");
        var onnx = _files.Bytes("model/model.onnx", SampleModel.Onnx());
        var labels = _files.Bytes("model/labels.txt", SampleModel.LabelsFile());
        var setup = RunAsCi("""
            Connect-SeeMe | Out-Null
            $app = Get-SeeMeApplication -Framework onnx -ApplicationType image_classification
            (New-SeeMeModel -Name $args[0] -ApplicationId $app.Id).ActiveVersionId
            """, name);
        Assert.Empty(setup.Errors);
        var firstVersion = Assert.Single(setup.OfType<string>());

        var result = RunAsCi("& $args[0] -ModelName $args[1] -VersionName 'build 7' -Path $args[2], $args[3]",
            Script("Publish-SeeMeModelVersion.ps1"), name, onnx, labels);

        Assert.Empty(result.Errors);
        var model = Assert.Single(result.OfType<Model>());
        Assert.NotEqual(firstVersion, model.ActiveVersionId);
        var check = RunAsCi("""
            Connect-SeeMe | Out-Null
            $model = Get-SeeMeModel -Name $args[0]
            Get-SeeMeModelVersion -Model $model | Where-Object Id -eq $model.ActiveVersionId
            Invoke-SeeMePrediction -Model $model -Path $args[1]
            """, name, Path.Combine(_images, "green-3.png"));
        Assert.Empty(check.Errors);
        Assert.Equal("build 7", Assert.Single(check.OfType<ModelVersion>()).Name);
        Assert.Equal("green", Assert.Single(check.OfType<Prediction>()).Label);
    }
}
