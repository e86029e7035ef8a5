using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.Core.Evaluation;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Evaluates a model version on the labelled items of a dataset version, and gates a CI pipeline on the numbers.</para>
    /// <para type="description">Predicts every item of the splits named by -Split (default: test) of the dataset version piped in (-DatasetVersion, or -DatasetId with -DatasetVersionId) with the model's active version, or -Version, and compares each prediction with the item's label (image, text and structured classification) or boxes (object detection). Before anything is predicted, the dataset's labels are matched by name with the model version's classes: a name on one side only stops the command with an EvaluationLabelMismatch error that lists both sides; -LabelMap @{ 'dataset label' = 'model class' } renames. Classification items without a label (or with several) are skipped and counted (ItemsSkipped). Items go through the same machinery as Invoke-SeeMePrediction: up to -ThrottleLimit requests in flight, retries, progress "n of m", Ctrl+C. The result holds the accuracy, per-label precision, recall, F1 and support, macro and weighted averages and the confusion matrix (rows true, columns predicted), equal to scikit-learn's; for object detection AP50 and AP50-95 per label and their means (COCO's evaluation), and precision, recall and F1 at -ConfidenceThreshold (default 0.5); and every item (ItemId, Name, True, Predicted, Confidence, Correct), so $result.Items | Where-Object { -not $_.Correct } lists the wrong ones. Gates: -MinimumAccuracy, -MinimumF1 (macro), -MinimumMeanAveragePrecision (mAP50), and -MaximumRegression against -Baseline, a version evaluated on the same items in the same run (the result's Baseline holds its numbers and the deltas). -ReportPath writes each file by its extension (.json, .xml as JUnit, .md, .html) before a failed gate stops the command with a terminating error, EvaluationBelowThreshold or EvaluationRegressed, that names the metric, its value and the limit (with $ErrorActionPreference = 'Stop', as CI scripts set it, pwsh -File then exits with 1). -Quiet outputs only $true or $false (whether every gate passed) and raises no gate error. -UpdateModelVersion writes the headline metric (accuracy, or mAP50 for detection) into the version's Accuracy (-WhatIf shows it instead). Every prediction is kept in the model's history, as Invoke-SeeMePrediction's are.</para>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Test-SeeMeModel -Model (Get-SeeMeModel -Name Birds) -ReportPath ./eval.html</code><para>Evaluates the active version of the model Birds on the test split and writes an HTML report to open in a browser.</para></example>
    /// <example><code>$result = $dataset | Test-SeeMeModel -Model $model -Split valid, test -LabelMap @{ kitty = 'cat' }; $result.Items | Where-Object { -not $_.Correct } | Format-Table Name, True, Predicted, Confidence</code><para>Evaluates on two splits, with the dataset label kitty standing for the model class cat, and lists the items the model got wrong.</para></example>
    /// <example><code>$version | Test-SeeMeModel -Model $model -Version $candidate -Baseline $model.ActiveVersionId -MinimumAccuracy 0.9 -MaximumRegression 0.01 -ReportPath ./junit.xml, ./summary.md</code><para>In CI: evaluates a candidate version against the active one on the same items, writes a JUnit report and a Markdown summary, and stops the script (non-zero exit) when the accuracy is under 0.9 or more than 0.01 below the active version's.</para></example>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "SeeMeModel", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(EvaluationResult), typeof(bool))]
    public sealed class TestSeeMeModelCommand : DatasetVersionCmdlet, IThrottledCmdlet
    {
        private IReadOnlyList<string> _reportPaths = Array.Empty<string>();
        private string _modelName = "";

        /// <summary><para type="description">The model: an object, its id or its exact name.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        [ValidateNotNull]
        public Model? Model { get; set; }

        /// <summary><para type="description">The version to evaluate (an object, its id or its exact name); by default the model's active version.</para></summary>
        [Parameter]
        [EntityFromId(typeof(ModelVersion))]
        [ArgumentCompleter(typeof(ModelVersionNameCompleter))]
        [ValidateNotNull]
        public ModelVersion? Version { get; set; }

        /// <summary><para type="description">The splits whose items are evaluated, by name or id (default: test). An item in several counts once.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Split { get; set; } = { "test" };

        /// <summary><para type="description">Dataset label names mapped to the model's class names where they differ: @{ 'dataset label' = 'model class' }.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? LabelMap { get; set; }

        /// <summary><para type="description">Object detection: the score a detection needs to count in precision, recall, F1 and the confusion matrix (default 0.5). AP uses every detection.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double ConfidenceThreshold { get; set; } = ModelEvaluation.DefaultConfidenceThreshold;

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <summary><para type="description">Outputs only $true when every gate passed, else $false, and raises no gate error.</para></summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary><para type="description">A gate: the lowest accuracy (0 to 1) that passes (classification).</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double? MinimumAccuracy { get; set; }

        /// <summary><para type="description">A gate: the lowest macro-averaged F1 (0 to 1) that passes.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double? MinimumF1 { get; set; }

        /// <summary><para type="description">A gate: the lowest mAP at IoU 0.50 (0 to 1) that passes (object detection).</para></summary>
        [Parameter]
        [Alias("MinimumMap")]
        [ValidateRange(0.0, 1.0)]
        public double? MinimumMeanAveragePrecision { get; set; }

        /// <summary><para type="description">A version to compare with (an object, its id or its exact name, e.g. $model.ActiveVersionId): evaluated on the same items in the same run; the result's Baseline holds its numbers and the deltas.</para></summary>
        [Parameter]
        [EntityFromId(typeof(ModelVersion))]
        [ArgumentCompleter(typeof(ModelVersionNameCompleter))]
        [ValidateNotNull]
        public ModelVersion? Baseline { get; set; }

        /// <summary><para type="description">A gate, with -Baseline: how far the headline metric (accuracy, or mAP50 for detection) may drop below the baseline's (0 to 1).</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double? MaximumRegression { get; set; }

        /// <summary><para type="description">Report files, each written by its extension: .json (every number), .xml (JUnit), .md (a summary for $env:GITHUB_STEP_SUMMARY), .html (a page with the confusion matrix and the wrong items' pictures). Written before a failed gate stops the command.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ReportPath { get; set; }

        /// <summary><para type="description">Writes the headline metric (accuracy, or mAP50 for detection) into the evaluated version's Accuracy.</para></summary>
        [Parameter]
        public SwitchParameter UpdateModelVersion { get; set; }

        /// <summary>ErrorIds read EvaluationBelowThreshold, EvaluationLabelMismatch, EvaluationNotFound, ...</summary>
        protected override string ErrorNoun => "Evaluation";

        protected override string InputActivity => $"Evaluating model '{_modelName}'";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _reportPaths = (ReportPath ?? new string[0]).Select(ResolveReportPath).ToList();
        }

        protected override void ProcessRecord()
        {
            var run = RunOrStop(ct => EvaluationRun.PrepareAsync(Client, Request(LocateVersion()), ct), DatasetVersion);
            _modelName = run.Model.Name;
            WarnAboutItemsLeftOut(run);
            ExpectInputs(run.Items.Count);
            foreach (var item in run.Items) RunInput(ct => run.PredictAsync(item, ct), item.Item, run.Add);
            FinishInputs();
            if (run.ItemsFailed > 0) WriteWarning($"{run.ItemsFailed} items could not be predicted (see the errors) and are not in the evaluation; they count in ItemsSkipped.");

            var result = run.Finish();
            WriteReports(result);
            if (UpdateModelVersion) RecordAccuracy(run.Version, result);
            WriteObject(Quiet ? (object)result.Passed : result);
            if (!result.Passed && !Quiet) ThrowTerminatingError(GateFailure(result));
        }

        private EvaluationRequest Request(VersionIds dataset)
        {
            var modelId = ReferenceOrStop(Model)!.Id;
            var baseline = ReferenceOrStop(Baseline, modelId);
            return new EvaluationRequest
            {
                ModelId = modelId,
                ModelVersionId = ReferenceOrStop(Version, modelId)?.Id,
                BaselineModelId = baseline?.ModelId,
                BaselineVersionId = baseline?.Id,
                DatasetId = dataset.DatasetId,
                DatasetVersionId = dataset.DatasetVersionId,
                Splits = Split,
                LabelMap = LabelMapOf(LabelMap),
                ConfidenceThreshold = ConfidenceThreshold,
                Gates = new EvaluationGates
                {
                    MinimumAccuracy = MinimumAccuracy,
                    MinimumF1 = MinimumF1,
                    MinimumMeanAveragePrecision = MinimumMeanAveragePrecision,
                    MaximumRegression = MaximumRegression,
                },
                KeepImages = _reportPaths.Any(p => p.EndsWith(".html", StringComparison.OrdinalIgnoreCase)),
            };
        }

        private static Dictionary<string, string> LabelMapOf(Hashtable? map) =>
            map == null ? new Dictionary<string, string>() : map.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key)!, e => Convert.ToString(e.Value) ?? "");

        /// <summary>A report's file-system path, refused before anything is predicted when its extension names no report.</summary>
        private string ResolveReportPath(string path)
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (!EvaluationReports.Extensions.Contains(extension))
                StopWithInvalidArgument($"-ReportPath '{path}': a report is written by its extension, one of {string.Join(", ", EvaluationReports.Extensions)}.", ErrorNoun + "InvalidReportPath", path);
            return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }

        private void WarnAboutItemsLeftOut(EvaluationRun run)
        {
            if (!run.Labels.Checked)
                WriteWarning($"Model version '{run.Version.Name}' lists no classes, so they were not compared with the dataset's labels before predicting; a predicted class the dataset lacks counts as wrong.");
            if (run.ItemsMultiLabelled > 0)
                WriteWarning($"{run.ItemsMultiLabelled} items of the splits have several labels and are skipped: a classification is evaluated on items with one label.");
            if (run.ItemsUnlabelled > 0) WriteVerbose($"{run.ItemsUnlabelled} items of the splits have no label and are skipped.");
        }

        private void WriteReports(EvaluationResult result)
        {
            foreach (var path in _reportPaths)
            {
                if (!ShouldProcess(path, "Write evaluation report")) continue;
                try
                {
                    EvaluationReports.Write(result, path);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    WriteFailure(e, path);
                }
            }
        }

        private void RecordAccuracy(ModelVersion version, EvaluationResult result)
        {
            if (result.HeadlineValue is double value)
                Update("ModelVersion", version, v => v.Accuracy = value, Client.ModelVersions.UpdateAsync, passThru: false, $"Set Accuracy to {value:0.####} ({result.HeadlineMetric})");
            else
                WriteWarning($"No {result.HeadlineMetric} could be computed ({result.ItemsEvaluated} items evaluated), so model version '{version.Name}' keeps its Accuracy.");
        }

        /// <summary>The failed gates as one terminating error; its id is the first failed gate's (thresholds come before the regression).</summary>
        private ErrorRecord GateFailure(EvaluationResult result)
        {
            var failed = result.FailedGates.ToList();
            var reports = _reportPaths.Count == 0 ? "" : $" Reports: {string.Join(", ", _reportPaths)}.";
            var message = $"Model version '{result.ModelVersionName}' failed {(failed.Count == 1 ? "a gate" : failed.Count + " gates")} on dataset version " +
                          $"'{result.DatasetVersionName}' ({string.Join(", ", result.Splits)}): {string.Join("; ", failed.Select(g => g.Message))}.{reports}";
            return new ErrorRecord(new InvalidOperationException(message), failed[0].ErrorId, ErrorCategory.InvalidResult, result);
        }
    }
}
