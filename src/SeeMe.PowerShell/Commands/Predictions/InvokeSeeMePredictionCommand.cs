using System.Collections;
using System.IO;
using System.Management.Automation;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.Predictions
{
    /// <summary>
    /// <para type="synopsis">Runs a SeeMe model on images, documents, texts or structured rows and writes the predictions.</para>
    /// <para type="description">What is sent follows the model's application type (its Kind, or -ApplicationType): image_classification, object_detection and ocr upload a file; text_classification, ner and language_model send a text; structured sends the features of a hashtable or object as JSON. Files come from -Path (wildcards), -LiteralPath or the pipeline (Get-ChildItem output); texts from -Text or piped strings; rows from -InputObject or piped hashtables/objects. A piped string is a file path for a file model and a text otherwise. Every input is one request: a failing one (a missing file, a model that cannot predict) is a non-terminating error and the pipeline goes on. -Version predicts with a given version instead of the active one.</para>
    /// <example><code>Get-ChildItem ./photos/*.jpg | Invoke-SeeMePrediction -Model (Get-SeeMeModel -Name 'Cats and dogs')</code><para>Classifies every photo of a folder.</para></example>
    /// <example><code>Get-Content ./reviews.txt | Invoke-SeeMePrediction -Model $sentiment | Where-Object Confidence -lt 0.6</code><para>Classifies each line of a file and keeps the uncertain ones.</para></example>
    /// <example><code>Invoke-SeeMePrediction -Model $churn -InputObject @{ tenure = 12; plan = 'basic' }</code><para>Predicts from structured features.</para></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SeeMePrediction", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(Prediction))]
    public sealed class InvokeSeeMePredictionCommand : SeeMeCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string TextSet = "Text";
        private const string InputObjectSet = "InputObject";
        private Model? _model;
        private int _done;

        /// <summary><para type="description">The model (object or id).</para></summary>
        [Parameter(Mandatory = true)]
        [EntityFromId(typeof(Model))]
        public Model? Model { get; set; }

        /// <summary><para type="description">A version to predict with (object or id); by default the active version.</para></summary>
        [Parameter]
        [EntityFromId(typeof(ModelVersion))]
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

        /// <summary><para type="description">The application type, when the model's Kind is not the one to use: image_classification, object_detection, text_classification, structured, ocr, ner, language_model.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(ApplicationTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ApplicationType { get; set; }

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

        protected override void EndProcessing()
        {
            if (_done > 0) WriteProgress(new ProgressRecord(2, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            base.EndProcessing();
        }

        private string Activity => $"Predicting with model '{TargetModel.Name}'";

        /// <summary>The model, fetched once when only its id was given; without it nothing can run.</summary>
        private Model TargetModel =>
            _model ??= EntityStubs.IsStub(Model!) ? RunOrStop(ct => Client.Models.GetAsync(Model!.Id, ct), Model!.Id) : Model!;

        private string EffectiveApplicationType => ApplicationType ?? TargetModel.Kind;

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
            foreach (var file in ResolvePaths(path, literal))
            {
                var progress = TransferProgress($"Uploading to model '{TargetModel.Name}'");
                Predict(System.IO.Path.GetFileName(file), file, ct => Client.Predictions.PredictFileAsync(TargetModel.Id, Version?.Id, file, progress, ct));
            }
        }

        private void PredictText(string text) =>
            Predict(text, text, ct => Client.Predictions.PredictTextAsync(TargetModel.Id, Version?.Id, text, ct));

        private void PredictStructured(IDictionary features, object target) =>
            Predict("features", target, ct => Client.Predictions.PredictStructuredAsync(TargetModel.Id, Version?.Id, features, ct));

        private void Predict(string label, object target, System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<Prediction>> call)
        {
            WriteItemProgress(Activity, $"{_done + 1}: {label}", _done, 0);
            if (TryRun(call, target, out var prediction)) WriteObject(prediction);
            _done++;
        }

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
