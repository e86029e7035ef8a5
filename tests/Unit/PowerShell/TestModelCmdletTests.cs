using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.Core.Evaluation;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// Test-SeeMeModel on the local server with real ONNX models of the four application types: every number is checked
/// against the per-item predictions Invoke-SeeMePrediction gives for the same inputs, computed here by the textbook
/// definitions; and the label check, the label map, skipped items, gates, the baseline, -Quiet and -WhatIf.
/// </summary>
public sealed class TestModelCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly EvaluationTestData _data = new(server);

    public void Dispose() => _data.Dispose();

    private PowerShellHost Shell() => PowerShellHost.ConnectedTo(server);

    private static readonly byte[] Red = EvaluationTestData.Red, Green = EvaluationTestData.Green, Blue = EvaluationTestData.Blue;

    private Task<(Model Model, DatasetVersion Version)> ColoursAsync(string[] labels = null) => _data.ColoursAsync(labels);

    [Fact]
    public async Task An_image_classifier_is_evaluated_on_the_test_split_with_the_numbers_its_predictions_give()
    {
        var (model, version) = await ColoursAsync();
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1]", version, model);

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<EvaluationResult>());
        Assert.Equal(1, evaluation.ItemsSkipped);
        Assert.Equal(["test"], evaluation.Splits);
        Assert.Equal(model.ActiveVersionId, evaluation.ModelVersionId);
        var images = evaluation.Items.Select(i => _data.ImageFile(i.Name, i.Name[0] switch { 'r' => Red, 'g' => Green, _ => Blue })).ToArray();
        var predictions = ps.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1]", images, model).OfType<Prediction>();
        AssertMatchesPredictions(evaluation, predictions.Select(p => (p.Label, p.Confidence)).ToList(), KnownModels.Colours);
        Assert.Equal(["r2", "b2"], ps.Run("$args[0].Items | Where-Object { -not $_.Correct } | ForEach-Object Name", evaluation).Objects);
        Assert.All(evaluation.Items, i => Assert.Null(i.Image)); // no HTML report, no image kept
        Assert.Contains(result.Progress, p => p.StatusDescription.Contains(" of 6 done")); // n of m, m known from the start
    }

    [Fact]
    public async Task A_text_classifier_is_evaluated_on_its_items_texts()
    {
        var model = await _data.ModelAsync("text_classification", KnownModels.TextClassifier(), KnownModels.Sentiments);
        var version = await _data.DatasetVersionAsync("text", KnownModels.Sentiments);
        foreach (var (text, label) in new[] { ("lovely", "positive"), ("awful", "negative"), ("meh", "neutral"), ("lovely", "negative"), ("so-so", "positive") })
            await _data.ItemAsync(version, text + "-" + label, text: text, annotations: (label, ""));
        using var ps = Shell();

        var result = ps.Run("Test-SeeMeModel -Model $args[1].Id -DatasetId $args[0].DatasetId -DatasetVersionId $args[0].Id", version, model);

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<EvaluationResult>());
        Assert.Equal(["lovely", "awful", "meh", "lovely", "so-so"], evaluation.Items.Select(i => i.Input));
        var predictions = ps.Run("Invoke-SeeMePrediction -Model $args[0] -Text $args[1]", model, evaluation.Items.Select(i => i.Input).ToArray()).OfType<Prediction>();
        AssertMatchesPredictions(evaluation, predictions.Select(p => (p.Label, p.Confidence)).ToList(), KnownModels.Sentiments);
        Assert.Equal(3 / 5.0, evaluation.Accuracy);
    }

    [Fact]
    public async Task A_structured_model_is_evaluated_on_its_items_rows_in_the_versions_columns()
    {
        var model = await _data.ModelAsync("structured", KnownModels.LinearClassifier(), KnownModels.YesNo, KnownModels.ColumnNamesConfig);
        var version = await _data.DatasetVersionAsync("tabular", KnownModels.YesNo, """{"column_names":"a,b,c","csv_separator":";"}""");
        foreach (var (row, label) in new[] { ("1;2;3", "yes"), ("3;0;1", "no"), ("0;0;5", "no"), ("\"2\";1;1", "yes") })
            await _data.ItemAsync(version, row, text: row, annotations: (label, ""));
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1]", version, model);

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<EvaluationResult>());
        var rows = new[] { (1, 2, 3), (3, 0, 1), (0, 0, 5), (2, 1, 1) };
        var predictions = ps.Run("$args[1] | ForEach-Object { @{ a = $_.Item1; b = $_.Item2; c = $_.Item3 } } | Invoke-SeeMePrediction -Model $args[0]",
            model, rows.Select(r => Tuple.Create(r.Item1, r.Item2, r.Item3)).ToArray()).OfType<Prediction>();
        AssertMatchesPredictions(evaluation, predictions.Select(p => (p.Label, p.Confidence)).ToList(), KnownModels.YesNo);
        var expected = rows.Select(r => KnownModels.LinearExpected(r.Item1, r.Item2, r.Item3)).Select(e => e.Yes > e.No ? "yes" : "no");
        Assert.Equal(expected, evaluation.Items.Select(i => i.Predicted));
        Assert.Equal(2 / 4.0, evaluation.Accuracy);
    }

    /// <summary>
    /// The detector finds, in any image, cat 0.81 at the centre, dog 0.76 lower left and cat 0.30 lower right. Items A, C and D
    /// have the first two as true boxes (A also a cat the model misses); E, last, has no box. So at IoU 0.5 the 0.81 cats are
    /// three true positives then E's false one, then four 0.30 false ones: precision 1 up to recall 3/4 of the four true cats,
    /// AP = 76/101 on COCO's 101 recall points, at every IoU (the boxes match exactly); the dogs reach recall 1 at precision 1: AP 1.
    /// At the 0.5 threshold: cat 3 of 4 detections right, 3 of 4 boxes found; dog 3 of 4 right, 3 of 3 found.
    /// </summary>
    [Fact]
    public async Task An_object_detector_is_evaluated_with_COCO_AP_and_the_counts_at_the_threshold()
    {
        var model = await _data.ModelAsync("object_detection", KnownModels.Detector(), KnownModels.Animals);
        var version = await _data.DatasetVersionAsync("images", KnownModels.Animals);
        (string, string) cat = ("cat", "0.5 0.5 0.25 0.25"), dog = ("dog", "0.25 0.75 0.125 0.125"), missed = ("cat", "0.2 0.2 0.1 0.1");
        await _data.ItemAsync(version, "A", image: Red, annotations: [cat, dog, missed]);
        await _data.ItemAsync(version, "C", image: Green, annotations: [cat, dog]);
        await _data.ItemAsync(version, "D", image: Blue, annotations: [dog, cat]);
        await _data.ItemAsync(version, "E", image: Red);
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1]", version, model);

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<EvaluationResult>());
        Assert.Equal(4, evaluation.ItemsEvaluated);
        Assert.Equal(0, evaluation.ItemsSkipped);
        var detections = ps.Run("Invoke-SeeMePrediction -Model $args[0] -LiteralPath $args[1]", model, _data.ImageFile("any", Red)).OfType<Prediction>().Single().Items;
        foreach (var item in evaluation.Items)
            Assert.Equal(detections.Select(d => (d.Label, d.Confidence)), item.PredictedBoxes!.Select(b => (b.Label, b.Score)));
        Assert.Equal([false, true, true, false], evaluation.Items.Select(i => i.Correct));
        Assert.Equal([(2, 0, 1), (2, 0, 0), (2, 0, 0), (0, 2, 0)], evaluation.Items.Select(i => (i.TruePositives!.Value, i.FalsePositives!.Value, i.FalseNegatives!.Value)));

        var (catMetrics, dogMetrics) = (evaluation.Labels[0], evaluation.Labels[1]);
        Assert.Equal(76 / 101.0, catMetrics.Ap50!.Value, 12);
        Assert.Equal(76 / 101.0, catMetrics.Ap!.Value, 12);
        Assert.Equal(1.0, dogMetrics.Ap50!.Value, 12);
        Assert.Equal(1.0, dogMetrics.Ap!.Value, 12);
        Assert.Equal((76 / 101.0 + 1) / 2, evaluation.Map50!.Value, 12);
        Assert.Equal((76 / 101.0 + 1) / 2, evaluation.Map!.Value, 12);
        Assert.Equal((0.75, 0.75, 0.75, 4), (catMetrics.Precision, catMetrics.Recall, catMetrics.F1, catMetrics.Support));
        Assert.Equal((0.75, 1.0, 3), (dogMetrics.Precision, dogMetrics.Recall, dogMetrics.Support));
        Assert.Equal(2 * 0.75 / 1.75, dogMetrics.F1, 12);
        Assert.Equal("map50", evaluation.HeadlineMetric);
    }

    [Fact]
    public async Task Labels_on_one_side_only_stop_the_command_before_anything_is_predicted_naming_both_sides()
    {
        var (model, version) = await ColoursAsync(["red", "green", "purple"]);
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1]; 'after'", version, model);

        var error = Assert.Single(result.Errors);
        Assert.Equal("EvaluationLabelMismatch", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("Only in the dataset: 'purple'. Only in the model: 'blue'.", error.Exception.Message);
        Assert.Contains("Dataset labels: 'red', 'green', 'purple'; model classes: 'red', 'green', 'blue'.", error.Exception.Message);
        Assert.Contains("-LabelMap @{ 'purple' = 'blue' }", error.ErrorDetails.RecommendedAction);
        Assert.Contains("after", result.Objects); // terminating for the command, not for the script
        Assert.Empty(await _data.Client.Models.GetPredictionsPageAsync(model.Id, 0));
    }

    [Fact]
    public async Task A_label_map_renames_dataset_labels_to_model_classes_and_the_result_speaks_the_datasets_names()
    {
        var (model, version) = await ColoursAsync(["rouge", "vert", "bleu"]);
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -LabelMap @{ rouge = 'red'; vert = 'green'; bleu = 'blue' }", version, model);

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<EvaluationResult>());
        Assert.Equal(["rouge", "vert", "bleu"], evaluation.Labels.Select(l => l.Label));
        Assert.Equal(["rouge", "vert", "bleu", "rouge", "bleu", "vert"], evaluation.Items.Select(i => i.Predicted));
        Assert.Equal(4 / 6.0, evaluation.Accuracy);
    }

    [Fact]
    public async Task Items_without_a_label_or_with_several_are_skipped_and_counted()
    {
        var (model, version) = await ColoursAsync();
        await _data.ItemAsync(version, "two", image: Red, annotations: [("red", ""), ("green", "")]);
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -Verbose", version, model);

        Assert.Empty(result.Errors);
        var evaluation = Assert.Single(result.OfType<EvaluationResult>());
        Assert.Equal(6, evaluation.ItemsEvaluated);
        Assert.Equal(2, evaluation.ItemsSkipped);
        Assert.DoesNotContain(evaluation.Items, i => i.Name is "u1" or "two" or "t1");
        Assert.Contains("1 items of the splits have several labels", Assert.Single(result.Warnings).Message);
        Assert.Contains(result.Verbose, v => v.Message.Contains("1 items of the splits have no label"));
    }

    [Fact]
    public async Task An_item_that_cannot_be_predicted_is_one_error_and_the_others_are_evaluated_without_it()
    {
        var (model, version) = await ColoursAsync();
        await _data.ItemAsync(version, "no-image", annotations: ("red", ""));
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1]", version, model);

        var error = Assert.Single(result.Errors);
        Assert.Equal("EvaluationInvalidData", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'no-image'", error.Exception.Message);
        Assert.Contains("has no image", error.Exception.Message);
        var evaluation = Assert.Single(result.OfType<EvaluationResult>());
        Assert.Equal((6, 2), (evaluation.ItemsEvaluated, evaluation.ItemsSkipped));
        Assert.Contains("1 items could not be predicted", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public async Task Several_splits_are_evaluated_together()
    {
        var (model, version) = await ColoursAsync();
        using var ps = Shell();

        var evaluation = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -Split test, TRAIN", version, model).OfType<EvaluationResult>().Single();

        Assert.Equal(["test", "train"], evaluation.Splits);
        Assert.Equal(7, evaluation.ItemsEvaluated);
        Assert.Equal("t1", evaluation.Items[^1].Name);
    }

    [Fact]
    public async Task Bad_arguments_stop_the_command_before_anything_is_predicted()
    {
        var (model, version) = await ColoursAsync();
        using var ps = Shell();

        var split = Assert.Single(ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -Split holdout", version, model).Errors);
        Assert.Equal("EvaluationInvalidArgument", split.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("no split 'holdout'; its splits are 'train', 'valid', 'test'", split.Exception.Message);
        var map = Assert.Single(ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -MinimumMeanAveragePrecision 0.5", version, model).Errors);
        Assert.Contains("MinimumMeanAveragePrecision applies to object detection only", map.Exception.Message);
        var regression = Assert.Single(ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -MaximumRegression 0.1", version, model).Errors);
        Assert.Contains("needs a baseline", regression.Exception.Message);
        var report = Assert.Single(ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -ReportPath ./report.txt", version, model).Errors);
        Assert.Equal("EvaluationInvalidReportPath", report.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(".json, .xml, .md, .html", report.Exception.Message);
        Assert.Empty(await _data.Client.Models.GetPredictionsPageAsync(model.Id, 0));
    }

    [Fact]
    public async Task A_failed_gate_writes_every_report_first_then_stops_with_the_metric_its_value_and_the_limit()
    {
        var (model, version) = await ColoursAsync();
        using var ps = Shell();
        var reports = new[] { "eval.json", "eval.xml", "eval.md", "eval.html" }.Select(name => Path.Combine(_data.Folder, "reports", name)).ToArray();

        var result = ps.Run("$ErrorActionPreference = 'Stop'; $args[0] | Test-SeeMeModel -Model $args[1] -MinimumAccuracy 0.9 -ReportPath $args[2]; 'not reached'",
            version, model, reports);

        var error = Assert.Single(result.Errors);
        Assert.Equal("EvaluationBelowThreshold", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("accuracy 0.6667 is below the minimum 0.9", error.Exception.Message);
        var evaluation = Assert.IsType<EvaluationResult>(error.TargetObject);
        Assert.Equal(4 / 6.0, evaluation.Accuracy);
        Assert.Equal(["r2", "b2"], evaluation.Items.Where(i => i.Image != null).Select(i => i.Name)); // for the HTML's wrong items, only theirs kept
        Assert.Contains("data:image/png;base64,", File.ReadAllText(reports[3]));
        Assert.DoesNotContain("not reached", result.Objects);
        Assert.All(reports, report => Assert.True(File.Exists(report), report));
        Assert.Contains("<failure", File.ReadAllText(reports[1]));
        Assert.Contains("\"accuracy\": 0.6666666666666666", File.ReadAllText(reports[0]));
    }

    /// <summary>A CI job: pwsh -NonInteractive -File a script with $ErrorActionPreference = 'Stop' that connects from SEEME_* variables.</summary>
    [Fact]
    public async Task In_a_CI_script_a_failed_gate_exits_pwsh_non_zero_after_writing_the_JUnit_report()
    {
        var (model, version) = await ColoursAsync();
        var script = _data.Text("gate.ps1", """
            param($Module, $ModelId, $DatasetId, $DatasetVersionId, $Minimum, $Report)
            $ErrorActionPreference = 'Stop'
            Import-Module $Module
            Connect-SeeMe | Out-Null
            $result = Test-SeeMeModel -Model $ModelId -DatasetId $DatasetId -DatasetVersionId $DatasetVersionId -MinimumAccuracy $Minimum -ReportPath $Report
            $result | Out-String -Width 200
            $result.Items | Out-String -Width 200
            'after the evaluation'
            """);
        var environment = new Dictionary<string, string>
        {
            ["SEEME_USERNAME"] = server.Username, ["SEEME_API_KEY"] = server.ApiKey, ["SEEME_BACKEND"] = server.BaseUri.ToString(),
        };
        ChildRun Run(string minimum, string report) => Pwsh.Run(_data.Folder, environment, "-File", script,
            Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.psd1"), model.Id, version.DatasetId, version.Id, minimum, Path.Combine(_data.Folder, report));

        var failed = Run("0.9", "failed.xml");
        var passed = Run("0.5", "passed.xml");

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains(Unwrapped("accuracy 0.6667 is below the minimum 0.9"), Unwrapped(failed.Output));
        Assert.DoesNotContain("after the evaluation", failed.Output);
        Assert.Contains("<failure", File.ReadAllText(Path.Combine(_data.Folder, "failed.xml")));
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.Contains("after the evaluation", passed.Output);
        Assert.Matches(@"\s6\s+accuracy 0\.6667\s+True", passed.Output); // the default views, in a real pwsh
        Assert.Matches(@"r2\s+green\s+red\s+\d+[.,]\d\s?%\s+False", passed.Output);
        Assert.DoesNotContain("<failure", File.ReadAllText(Path.Combine(_data.Folder, "passed.xml")));
        Assert.DoesNotContain(server.ApiKey, failed.Output + passed.Output);
    }

    /// <summary>Text without colours, spaces and the gutter pwsh wraps an error message in, whatever the console's width.</summary>
    private static string Unwrapped(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\x1b\[[0-9;]*m|[\s|]", "");

    [Fact]
    public async Task Quiet_outputs_only_whether_every_gate_passed()
    {
        var (model, version) = await ColoursAsync();
        using var ps = Shell();

        var passed = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -MinimumAccuracy 0.6 -MinimumF1 0.5 -Quiet", version, model);
        var failed = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -MinimumAccuracy 0.9 -Quiet", version, model);

        Assert.Empty(passed.Errors);
        Assert.Equal([true], passed.Objects);
        Assert.Empty(failed.Errors);
        Assert.Equal([false], failed.Objects);
    }

    /// <summary>
    /// v2 turns every colour into the next (red → green → blue → red): right only on r2 and b2, the two items labelled
    /// other than their colour, so 2 of 6 against the active version's 4 of 6, on the same items in the same run.
    /// </summary>
    [Fact]
    public async Task A_baseline_is_evaluated_on_the_same_items_and_a_drop_beyond_the_limit_stops_the_command()
    {
        var (model, version) = await ColoursAsync();
        var v2 = await _data.VersionAsync(model, "v2", KnownModels.RotatedColourClassifier(), KnownModels.Colours);
        using var ps = Shell();

        var within = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -Version $args[2] -Baseline $args[1].ActiveVersionId -MaximumRegression 0.5", version, model, v2);
        var beyond = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -Version $args[2].Id -Baseline $args[1].ActiveVersionId -MaximumRegression 0.1 -MinimumAccuracy 0.2", version, model, v2);

        Assert.Empty(within.Errors);
        var evaluation = Assert.Single(within.OfType<EvaluationResult>());
        Assert.Equal(v2.Id, evaluation.ModelVersionId);
        Assert.Equal(2 / 6.0, evaluation.Accuracy);
        Assert.Equal(model.ActiveVersionId, evaluation.Baseline!.ModelVersionId);
        Assert.Equal(4 / 6.0, evaluation.Baseline.Accuracy);
        Assert.Equal(2 / 6.0 - 4 / 6.0, evaluation.Baseline.AccuracyDelta!.Value, 12);
        Assert.Equal(6, evaluation.Baseline.ItemsEvaluated);
        var error = Assert.Single(beyond.Errors);
        Assert.Equal("EvaluationRegressed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("accuracy went from the baseline's 0.6667 to 0.3333: a drop of 0.3333", error.Exception.Message);
        Assert.Contains("more than the allowed 0.1", error.Exception.Message);
    }

    [Fact]
    public async Task UpdateModelVersion_writes_the_headline_into_the_versions_accuracy_and_WhatIf_writes_nothing()
    {
        var (model, version) = await ColoursAsync();
        var report = Path.Combine(_data.Folder, "whatif.json");
        using var ps = Shell();

        var whatIf = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -UpdateModelVersion -ReportPath $args[2] -WhatIf", version, model, report);
        Assert.Empty(whatIf.Errors);
        Assert.Equal(0, (await _data.Client.ModelVersions.GetAsync(model.Id, model.ActiveVersionId)).Accuracy);
        Assert.False(File.Exists(report));

        var updated = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -UpdateModelVersion", version, model);
        Assert.Empty(updated.Errors);
        Assert.Equal(4 / 6.0, (await _data.Client.ModelVersions.GetAsync(model.Id, model.ActiveVersionId)).Accuracy);
    }

    [Fact]
    public async Task A_version_that_cannot_predict_is_refused_before_the_first_item()
    {
        var (model, version) = await ColoursAsync();
        var empty = await _data.Client.ModelVersions.CreateAsync(model.Id, new ModelVersion { Name = "empty", ApplicationId = model.ApplicationId });
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -Version $args[2]", version, model, empty);

        var error = Assert.Single(result.Errors);
        Assert.Contains("Model version 'empty'", error.Exception.Message);
        Assert.Contains("cannot predict", error.Exception.Message);
        Assert.Empty(await _data.Client.Models.GetPredictionsPageAsync(model.Id, 0));
    }

    /// <summary>
    /// Ctrl+C at the first item: the pipeline stops, no item after the first is sent, and no report or accuracy is
    /// written from a part of the items.
    /// </summary>
    [Fact]
    public async Task Stopping_the_evaluation_writes_no_report_and_no_accuracy()
    {
        var (model, version) = await ColoursAsync();
        var report = Path.Combine(_data.Folder, "stopped.json");
        // Each item's first request is its image's download: the proxy holds them, so the first item is still in flight
        // when Ctrl+C comes, and its cancelled download is the sign that the stop has reached the command.
        await using var proxy = await RecordingProxy.StartAsync(server.BaseUri);
        proxy.Hold = r => r.Method == "GET" && r.Path.EndsWith("/download");
        using var host = new PowerShellHost();
        Assert.Empty(host.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", proxy.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);
        using var ps = host.Pipeline("$args[0] | Test-SeeMeModel -Model $args[1] -ReportPath $args[2] -UpdateModelVersion", version, model, report);
        var (asked, held, abandoned) = (0, false, false);
        // On the pipeline thread, at the first progress record (the first item is sent): once its download is at the
        // proxy, ask to stop and hold the command until the stop has reached it. (The Stopping state cannot tell: it is
        // set inside BeginStop, before PowerShell stops the command on another thread.)
        ps.Streams.Progress.DataAdded += (_, _) =>
        {
            if (Interlocked.Exchange(ref asked, 1) == 1) return;
            held = proxy.FirstHeld.Wait(TimeSpan.FromSeconds(60));
            ps.BeginStop(null, null);
            abandoned = proxy.FirstHeldAbandoned.Wait(TimeSpan.FromSeconds(60));
        };

        var running = ps.BeginInvoke();

        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.True(held, "the first item's download did not reach the proxy");
        Assert.True(abandoned, "the stop did not cancel the first item's download");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.False(File.Exists(report));
        Assert.Equal(0, (await _data.Client.ModelVersions.GetAsync(model.Id, model.ActiveVersionId)).Accuracy);
        Assert.Single(proxy.Requests, r => r.Path.EndsWith("/download")); // items after the first were never sent
        Assert.DoesNotContain(proxy.Requests, r => r.Method != "GET"); // no prediction, no accuracy
        Assert.Empty(await _data.Client.Models.GetPredictionsPageAsync(model.Id, 0));
    }

    [Fact]
    public async Task The_api_key_appears_in_no_stream()
    {
        var (model, version) = await ColoursAsync(["red", "green", "purple"]);
        using var ps = Shell();

        var result = ps.Run("$args[0] | Test-SeeMeModel -Model $args[1] -Verbose -Debug; $args[0] | Test-SeeMeModel -Model $args[1] -LabelMap @{ purple = 'blue' } -MinimumAccuracy 1 -Verbose -Debug",
            version, model);

        Assert.Equal(2, result.Errors.Count);
        Assert.DoesNotContain(server.ApiKey, result.AllText());
    }

    /// <summary>
    /// The result against the per-item predictions (same items, same order): each item's prediction to the last bit,
    /// then accuracy, per-label precision, recall, F1 and support, their macro and weighted means and the confusion
    /// matrix, as scikit-learn defines them (zero_division=0), computed here from the (true, predicted) pairs.
    /// </summary>
    private static void AssertMatchesPredictions(EvaluationResult result, IReadOnlyList<(string Label, double Confidence)> predictions, IReadOnlyList<string> labels)
    {
        Assert.Equal(predictions.Count, result.ItemsEvaluated);
        Assert.Equal(predictions.Select(p => p.Label), result.Items.Select(i => i.Predicted));
        Assert.Equal(predictions.Select(p => (double?)p.Confidence), result.Items.Select(i => i.Confidence));
        Assert.Equal(result.Items.Select(i => i.True == i.Predicted), result.Items.Select(i => i.Correct));
        var pairs = result.Items.Select(i => (True: i.True, Predicted: i.Predicted)).ToList();

        Assert.Equal(pairs.Count(p => p.True == p.Predicted) / (double)pairs.Count, result.Accuracy!.Value, 12);
        Assert.Equal(labels, result.Labels.Select(l => l.Label));
        var perLabel = labels.Select(label =>
        {
            double tp = pairs.Count(p => p.True == label && p.Predicted == label), predicted = pairs.Count(p => p.Predicted == label), support = pairs.Count(p => p.True == label);
            var precision = predicted == 0 ? 0 : tp / predicted;
            var recall = support == 0 ? 0 : tp / support;
            return (Precision: precision, Recall: recall, F1: precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), Support: support);
        }).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.Equal(perLabel[i].Precision, result.Labels[i].Precision, 12);
            Assert.Equal(perLabel[i].Recall, result.Labels[i].Recall, 12);
            Assert.Equal(perLabel[i].F1, result.Labels[i].F1, 12);
            Assert.Equal((int)perLabel[i].Support, result.Labels[i].Support);
        }
        Assert.Equal(perLabel.Average(l => l.F1), result.Macro.F1, 12);
        Assert.Equal(perLabel.Average(l => l.Precision), result.Macro.Precision, 12);
        Assert.Equal(perLabel.Sum(l => l.Recall * l.Support) / perLabel.Sum(l => l.Support), result.Weighted.Recall, 12);
        Assert.Equal(perLabel.Sum(l => l.F1 * l.Support) / perLabel.Sum(l => l.Support), result.Weighted.F1, 12);
        Assert.Equal(labels, result.ConfusionMatrix.Labels);
        for (var t = 0; t < labels.Count; t++)
            for (var p = 0; p < labels.Count; p++)
                Assert.Equal(pairs.Count(x => x.True == labels[t] && x.Predicted == labels[p]), result.ConfusionMatrix.Counts[t][p]);
    }
}
