using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Evaluation
{
    /// <summary>What an evaluation reads before predicting: the model, its version and the baseline, the dataset version, its splits and its labels.</summary>
    internal sealed class EvaluationSubject
    {
        private static readonly string[] Evaluated =
            { ApplicationTypes.ImageClassification, ApplicationTypes.TextClassification, ApplicationTypes.Structured, ApplicationTypes.ObjectDetection };

        public Model Model { get; private set; } = null!;
        public ModelVersion Version { get; private set; } = null!;
        public ModelVersion? Baseline { get; private set; }
        public Dataset Dataset { get; private set; } = null!;
        public DatasetVersion DatasetVersion { get; private set; } = null!;
        public IReadOnlyList<DatasetSplit> Splits { get; private set; } = Array.Empty<DatasetSplit>();
        public LabelMatch Labels { get; private set; } = null!;

        public static async Task<EvaluationSubject> ReadAsync(SeeMeClient client, EvaluationRequest request, CancellationToken ct)
        {
            if (request.Gates.MaximumRegression.HasValue && string.IsNullOrEmpty(request.BaselineVersionId))
                throw new ArgumentException("A maximum regression needs a baseline version to compare with.");
            var subject = new EvaluationSubject { Model = await client.Models.GetAsync(request.ModelId, ct).ConfigureAwait(false) };
            RequireEvaluated(subject.Model);
            request.Gates.EnsureApplicableTo(subject.Model.ApplicationType);
            var versionId = string.IsNullOrEmpty(request.ModelVersionId) ? subject.Model.ActiveVersionId : request.ModelVersionId!;
            subject.Version = RequirePredicting(await client.ModelVersions.GetAsync(subject.Model.Id, versionId, ct).ConfigureAwait(false));
            subject.Baseline = await BaselineAsync(client, request, subject.Model, ct).ConfigureAwait(false);
            if (subject.Baseline != null) RequirePredicting(subject.Baseline);
            subject.Dataset = await client.Datasets.GetAsync(request.DatasetId, ct).ConfigureAwait(false);
            subject.DatasetVersion = await client.DatasetVersions.GetAsync(request.DatasetId, request.DatasetVersionId, ct).ConfigureAwait(false);
            subject.Splits = SplitsOf(subject.DatasetVersion, request.Splits);
            subject.Labels = subject.MatchLabels(request.LabelMap);
            return subject;
        }

        /// <summary>The baseline version; one of another model must be of the same application type.</summary>
        private static async Task<ModelVersion?> BaselineAsync(SeeMeClient client, EvaluationRequest request, Model model, CancellationToken ct)
        {
            if (string.IsNullOrEmpty(request.BaselineVersionId)) return null;
            var baselineModelId = string.IsNullOrEmpty(request.BaselineModelId) ? model.Id : request.BaselineModelId!;
            if (baselineModelId != model.Id)
            {
                var other = await client.Models.GetAsync(baselineModelId, ct).ConfigureAwait(false);
                if (other.ApplicationType != model.ApplicationType)
                    throw new ArgumentException($"The baseline's model '{other.Name}' is {other.ApplicationType}, the evaluated model '{model.Name}' {model.ApplicationType}: " +
                                                "a baseline must do the same job.");
            }
            return await client.ModelVersions.GetAsync(baselineModelId, request.BaselineVersionId!, ct).ConfigureAwait(false);
        }

        /// <summary>A version without a file its application runs would fail on every item: refused before the first.</summary>
        private static ModelVersion RequirePredicting(ModelVersion version) => version.CanInference
            ? version
            : throw new InvalidOperationException($"Model version '{version.Name}' ({version.Id}) cannot predict: it has no model file its application runs. Upload one first.");

        private static void RequireEvaluated(Model model)
        {
            if (!Evaluated.Contains(model.ApplicationType))
                throw new NotSupportedException($"The model '{model.Name}' is {(model.ApplicationType.Length == 0 ? "of no application type" : model.ApplicationType)}; " +
                                                $"evaluation covers {string.Join(", ", Evaluated)} models.");
        }

        /// <summary>The splits named (by name, any case, or id), in the order given; an unknown one stops the evaluation.</summary>
        private static IReadOnlyList<DatasetSplit> SplitsOf(DatasetVersion version, IList<string> names)
        {
            if (names == null || names.Count == 0) throw new ArgumentException("Name at least one split to evaluate on.");
            var splits = new List<DatasetSplit>();
            foreach (var name in names)
            {
                var split = version.Splits.FirstOrDefault(s => s.Id == name) ??
                            version.Splits.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) ??
                            throw new ArgumentException($"The dataset version '{version.Name}' has no split '{name}'; its splits are {LabelMatch.Names(version.Splits.Select(s => s.Name))}.");
                if (!splits.Contains(split)) splits.Add(split);
            }
            return splits;
        }

        private LabelMatch MatchLabels(IDictionary<string, string> labelMap)
        {
            var labels = DatasetVersion.Labels.OrderBy(l => l.Index).Select(l => l.Name).ToList();
            var match = LabelMatch.Create(labels, Version.Classes, labelMap, DatasetVersion.Name, Version.Name);
            if (Baseline != null) LabelMatch.Create(labels, Baseline.Classes, labelMap, DatasetVersion.Name, Baseline.Name);
            return match;
        }
    }
}
