using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Predictions
{
    /// <summary>
    /// <para type="synopsis">Runs a SeeMe model on images, documents, texts or structured rows and writes the predictions.</para>
    /// <para type="description">What is sent follows the model's application type (its ApplicationType, or -ApplicationType): image_classification, object_detection and ocr upload a file; text_classification, ner and language_model send a text; structured sends the features of a hashtable or object as JSON. Files come from -Path (wildcards), -LiteralPath or the pipeline (Get-ChildItem output); texts from -Text or piped strings; rows from -InputObject or piped hashtables/objects. A piped string is a file path for a file model and a text otherwise. Every input is one request: a failing one (a missing file, a model that cannot predict) is a non-terminating error and the pipeline goes on. Up to -ThrottleLimit requests are in flight at once (default: the session's, 6); the predictions come out in input order, each naming its input (Input: the file's full path, the text or the row). -Version predicts with a given version instead of the active one.</para>
    /// <example><code>Get-ChildItem ./photos/*.jpg | Invoke-SeeMePrediction -Model (Get-SeeMeModel -Name 'Cats and dogs')</code><para>Classifies every photo of a folder.</para></example>
    /// <example><code>Get-Content ./reviews.txt | Invoke-SeeMePrediction -Model $sentiment | Where-Object Confidence -lt 0.6</code><para>Classifies each line of a file and keeps the uncertain ones.</para></example>
    /// <example><code>Invoke-SeeMePrediction -Model $churn -InputObject @{ tenure = 12; plan = 'basic' }</code><para>Predicts from structured features.</para></example>
    /// <example><code>Get-ChildItem ./photos -Filter *.jpg | Invoke-SeeMePrediction -Model $birds -ThrottleLimit 8 | Select-Object Input, Label, Confidence | Export-Csv ./predictions.csv</code><para>Classifies a folder with 8 requests in flight and writes one CSV row per photo, in the folder's order.</para></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SeeMePrediction", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(Prediction))]
    public sealed class InvokeSeeMePredictionCommand : SeeMeCmdlet, IThrottledCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string TextSet = "Text";
        private const string InputObjectSet = "InputObject";
        private Model? _model;
        private ModelVersion? _version;

        /// <summary><para type="description">The model (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">A version to predict with (an object, its id or its exact name); by default the active version.</para></summary>
        [Parameter]
        [EntityFromId(typeof(ModelVersion))]
        [ArgumentCompleter(typeof(ModelVersionNameCompleter))]
        public ModelVersion? Version { get; set; }

        /// <summary><para type="description">Files to predict on; wildcards allowed.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary><para type="description">Files to predict on, taken literally; Get-ChildItem output binds here by FullName.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        /// <summary><para type="description">Texts to predict on (text classification, NER, language models).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = TextSet)]
        [Alias("InputText")]
        [AllowEmptyString]
        public string[] Text { get; set; } = new string[0];

        /// <summary><para type="description">Pipeline input: hashtables or objects (structured features), strings (texts, or file paths for file models) or files.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject[] InputObject { get; set; } = new PSObject[0];

        /// <summary><para type="description">The application type, when the model's own ApplicationType is not the one to use: image_classification, object_detection, text_classification, structured, ocr, ner, language_model.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(ApplicationTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ApplicationType { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet: foreach (var path in Path) PredictFiles(path, literal: false); break;
                case LiteralPathSet: foreach (var path in LiteralPath) PredictFiles(path, literal: true); break;
                case TextSet: foreach (var text in Text) PredictText(text); break;
                default: foreach (var input in InputObject) PredictInput(input); break;
            }
        }

        protected override string InputActivity => $"Predicting with model '{TargetModel.Name}'";

        /// <summary>The model, fetched (or looked up by name) once when only its id or name was given; without it nothing can run.</summary>
        private Model TargetModel => _model ??= FetchOrStop(Model!, (id, ct) => Client.Models.GetAsync(id, ct));

        /// <summary>The id of the -Version given (looked up once among the model's versions when given by name); null for the active one.</summary>
        private string? TargetVersionId => Version == null ? null
            : (_version ??= FetchOrStop(Version, (id, ct) => Client.ModelVersions.GetAsync(TargetModel.Id, id, ct), TargetModel.Id)).Id;

        private string EffectiveApplicationType => ApplicationType ?? TargetModel.ApplicationType;

        private void PredictInput(PSObject input)
        {
            switch (input.BaseObject)
            {
                case FileInfo file: PredictFiles(file.FullName, literal: true); break;
                case string text when ApplicationTypes.TakesFile(EffectiveApplicationType): PredictFiles(text, literal: false); break;
                case string text: PredictText(text); break;
                case IDictionary features: PredictStructured(features, input); break;
                default: PredictStructured(Properties(input), input); break;
            }
        }

        private void PredictFiles(string path, bool literal)
        {
            RequireInput(PredictionInput.File, path);
            var (modelId, versionId) = (TargetModel.Id, TargetVersionId);
            foreach (var file in ResolvePaths(path, literal))
                RunTransferInput($"Uploading {System.IO.Path.GetFileName(file)} to model '{TargetModel.Name}'",
                    (progress, ct) => Client.Predictions.PredictFileAsync(modelId, versionId, file, progress, ct), file, WriteObject);
        }

        private void PredictText(string text)
        {
            RequireInput(PredictionInput.Text, text);
            var (modelId, versionId) = (TargetModel.Id, TargetVersionId);
            RunInput(ct => Client.Predictions.PredictTextAsync(modelId, versionId, text, ct), text, WriteObject);
        }

        /// <summary>Structured features; the prediction's Input is the row as given (the hashtable or the object).</summary>
        private void PredictStructured(IDictionary features, PSObject row)
        {
            RequireInput(PredictionInput.Features, row);
            var (modelId, versionId) = (TargetModel.Id, TargetVersionId);
            RunInput(ct => Client.Predictions.PredictStructuredAsync(modelId, versionId, features, ct), row, prediction =>
            {
                prediction.Input = row.BaseObject is IDictionary given ? given : row;
                WriteObject(prediction);
            });
        }

        /// <summary>
        /// Stops before anything is sent when the model predicts on another kind of input than the one given (the
        /// service would refuse every one), saying which kind to give and how.
        /// </summary>
        private void RequireInput(PredictionInput given, object target)
        {
            var takes = ApplicationTypes.InputOf(EffectiveApplicationType);
            if (takes == null || takes == given) return;
            var message = $"Model '{TargetModel.Name}' is {("aeiou".IndexOf(EffectiveApplicationType[0]) >= 0 ? "an" : "a")} {EffectiveApplicationType} model: it predicts on {InputWords[takes.Value]}, not on {InputWords[given]}.";
            ThrowTerminatingError(ErrorRecords.From(new ExplainedException(message, "InputMismatch", ErrorCategory.InvalidArgument,
                InputAdvice[takes.Value] + " -ApplicationType overrides the model's type."), ErrorNoun, target));
        }

        private static readonly Dictionary<PredictionInput, string> InputWords = new Dictionary<PredictionInput, string>
        {
            [PredictionInput.File] = "files", [PredictionInput.Text] = "text", [PredictionInput.Features] = "rows of features",
        };

        private static readonly Dictionary<PredictionInput, string> InputAdvice = new Dictionary<PredictionInput, string>
        {
            [PredictionInput.File] = "Pass the files with -Path or -LiteralPath, or pipe them in (Get-ChildItem).",
            [PredictionInput.Text] = "Pass the text with -Text, or pipe strings in (Get-Content for a file's lines).",
            [PredictionInput.Features] = "Pass a hashtable or an object with -InputObject, or pipe rows in (Import-Csv).",
        };

        /// <summary>A PSObject's properties as features ([pscustomobject] rows, Import-Csv output).</summary>
        private static IDictionary Properties(PSObject input)
        {
            var features = new Hashtable();
            foreach (var property in input.Properties)
            {
                var value = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
                features[property.Name] = value;
            }
            return features;
        }
    }
}
