using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// One evaluation against a SeeMe service. <see cref="PrepareAsync"/> reads the model version (and the baseline),
    /// the dataset version, its labels matched with the model's classes, and the items of the splits with their truth,
    /// before anything is predicted. Then each item goes through <see cref="PredictAsync"/> (safe to run several at
    /// once) and <see cref="Add"/> (in item order), and <see cref="Finish"/> computes the result and applies the gates.
    /// The predictions are ordinary ones, kept in the model's history: the contract's predict body carries only the input
    /// (the multipart file, or input_text), so a prediction cannot name its dataset item (dataset_item_id) when it is made.
    /// </summary>
    public sealed class EvaluationRun
    {
        private readonly SeeMeClient _client;
        private readonly EvaluationRequest _request;
        private readonly EvaluationKind _kind;
        private readonly Func<SeeMeClient, DatasetItem, CancellationToken, Task<ItemInput>> _readInput;
        private readonly List<object> _outcomes = new List<object>();
        private readonly List<object> _baselineOutcomes = new List<object>();

        private EvaluationRun(SeeMeClient client, EvaluationRequest request, EvaluationSubject subject)
        {
            _client = client;
            _request = request;
            Model = subject.Model;
            Version = subject.Version;
            Baseline = subject.Baseline;
            Dataset = subject.Dataset;
            DatasetVersion = subject.DatasetVersion;
            Splits = subject.Splits;
            Labels = subject.Labels;
            _kind = EvaluationKind.For(ApplicationType);
            _readInput = ItemInput.ReaderFor(ApplicationType, DatasetVersion);
        }

        public Model Model { get; }
        public ModelVersion Version { get; }
        public ModelVersion? Baseline { get; }
        public Dataset Dataset { get; }
        public DatasetVersion DatasetVersion { get; }
        public IReadOnlyList<DatasetSplit> Splits { get; }
        public LabelMatch Labels { get; }
        public string ApplicationType => Model.ApplicationType;

        /// <summary>The items to predict, in split order and then listing order.</summary>
        public IReadOnlyList<EvaluationItem> Items { get; private set; } = Array.Empty<EvaluationItem>();

        /// <summary>Items of the splits left out before predicting: without a label, or (classification) with several.</summary>
        public int ItemsUnlabelled { get; private set; }
        public int ItemsMultiLabelled { get; private set; }

        /// <summary>Items whose prediction failed (after retries), so far: the items not added.</summary>
        public int ItemsFailed => Items.Count - _outcomes.Count;

        /// <summary>
        /// Everything the evaluation needs before predicting. Throws <see cref="EvaluationLabelMismatchException"/> when the
        /// labels and the classes differ, <see cref="ArgumentException"/> for a split the version lacks, a gate that does
        /// not apply or a regression limit without a baseline, <see cref="NotSupportedException"/> for an application type
        /// it cannot evaluate, and SeeMeApiException when something cannot be read.
        /// </summary>
        public static async Task<EvaluationRun> PrepareAsync(SeeMeClient client, EvaluationRequest request, CancellationToken cancellationToken = default)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (request == null) throw new ArgumentNullException(nameof(request));
            var subject = await EvaluationSubject.ReadAsync(client, request, cancellationToken).ConfigureAwait(false);
            var run = new EvaluationRun(client, request, subject);
            await run.ReadItemsAsync(cancellationToken).ConfigureAwait(false);
            return run;
        }

        /// <summary>Reads the item's input once and predicts it with the version (and then the baseline).</summary>
        public async Task<ItemOutcome> PredictAsync(EvaluationItem item, CancellationToken cancellationToken = default)
        {
            var input = await _readInput(_client, item.Item, cancellationToken).ConfigureAwait(false);
            var candidate = await input.PredictAsync(_client.Predictions, Version, cancellationToken).ConfigureAwait(false);
            var baseline = Baseline == null ? null : await input.PredictAsync(_client.Predictions, Baseline, cancellationToken).ConfigureAwait(false);
            var image = _request.KeepImages ? input.Image : null;
            return new ItemOutcome(item, candidate, baseline,
                _kind.Outcome(item, candidate, Labels, input.Description, image),
                baseline == null ? null : _kind.Outcome(item, baseline, Labels, input.Description, null));
        }

        /// <summary>Adds an item's outcome; call it in the order of <see cref="Items"/> (not thread-safe).</summary>
        public void Add(ItemOutcome outcome)
        {
            if (outcome == null) throw new ArgumentNullException(nameof(outcome));
            _outcomes.Add(outcome.CandidateOutcome);
            if (outcome.BaselineOutcome != null) _baselineOutcomes.Add(outcome.BaselineOutcome);
        }

        /// <summary>The result of the outcomes added, with the baseline's comparison and the gates' verdicts.</summary>
        public EvaluationResult Finish()
        {
            var result = _kind.Evaluate(Labels.Labels, _outcomes, _request.ConfidenceThreshold, Context(Version));
            var baseline = Baseline == null ? null : _kind.Evaluate(Labels.Labels, _baselineOutcomes, _request.ConfidenceThreshold, Context(Baseline));
            _request.Gates.Apply(result, baseline);
            return result;
        }

        private EvaluationContext Context(ModelVersion version) => new EvaluationContext
        {
            ModelId = version.ModelId,
            ModelName = Model.Name,
            ModelVersionId = version.Id,
            ModelVersionName = version.Name,
            DatasetId = Dataset.Id,
            DatasetName = Dataset.Name,
            DatasetVersionId = DatasetVersion.Id,
            DatasetVersionName = DatasetVersion.Name,
            Splits = Splits.Select(s => s.Name).ToArray(),
            ApplicationType = ApplicationType,
            ItemsSkipped = ItemsUnlabelled + ItemsMultiLabelled + ItemsFailed,
        };

        /// <summary>Lists the items of every split (an item in several once) and reads their truth.</summary>
        private async Task ReadItemsAsync(CancellationToken cancellationToken)
        {
            var labelNames = DatasetVersion.Labels.ToDictionary(l => l.Id, l => l.Name);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var items = new List<EvaluationItem>();
            var skipped = new SkippedItems();
            foreach (var split in Splits)
            {
                var pages = _client.Items.GetAll(Dataset.Id, DatasetVersion.Id, new ItemQuery { SplitId = split.Id, PageSize = PagedQuery.MaxPageSize });
                for (var page = await pages.NextPageAsync(cancellationToken).ConfigureAwait(false); page.Count > 0; page = await pages.NextPageAsync(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var item in page.Where(i => seen.Add(i.Id)))
                        if (_kind.Read(item, labelNames, skipped) is EvaluationItem evaluated) items.Add(evaluated);
                }
            }
            Items = items;
            ItemsUnlabelled = skipped.Unlabelled;
            ItemsMultiLabelled = skipped.MultiLabelled;
        }
    }
}
