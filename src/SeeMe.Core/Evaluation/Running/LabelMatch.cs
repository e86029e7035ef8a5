using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// The dataset version's labels matched by name with a model version's classes, through a label map
    /// (dataset label → model class) for the names that differ. The evaluation speaks the dataset's names:
    /// a predicted class is turned back into the dataset label it stands for.
    /// </summary>
    public sealed class LabelMatch
    {
        private readonly Dictionary<string, string> _datasetLabelOfClass;

        private LabelMatch(IReadOnlyList<string> labels, Dictionary<string, string> datasetLabelOfClass, bool isChecked)
        {
            Labels = labels;
            _datasetLabelOfClass = datasetLabelOfClass;
            Checked = isChecked;
        }

        /// <summary>The dataset's label names, in the dataset's order: the labels of the evaluation.</summary>
        public IReadOnlyList<string> Labels { get; }

        /// <summary>False when the model version lists no classes, so the two sides could not be compared before predicting.</summary>
        public bool Checked { get; }

        /// <summary>The dataset label a predicted class stands for; a class nothing maps to keeps its name (and counts as wrong).</summary>
        public string ToDatasetLabel(string modelClass) =>
            _datasetLabelOfClass.TryGetValue(modelClass, out var label) ? label : modelClass;

        /// <summary>
        /// Matches the labels with the classes (a model version's comma-separated <c>classes</c>); throws
        /// <see cref="EvaluationLabelMismatchException"/> when a name is on one side only, and
        /// <see cref="ArgumentException"/> for a label map that names no dataset label or maps two labels to one class.
        /// </summary>
        public static LabelMatch Create(IReadOnlyList<string> datasetLabels, string modelClasses, IDictionary<string, string>? labelMap,
            string datasetVersionName, string modelVersionName)
        {
            var map = labelMap ?? new Dictionary<string, string>();
            CheckMap(datasetLabels, map);
            var classOf = datasetLabels.ToDictionary(label => label, label => map.TryGetValue(label, out var mapped) ? mapped : label, StringComparer.Ordinal);
            var datasetLabelOfClass = InverseOf(classOf);
            var classes = ClassesOf(modelClasses);
            if (classes.Count == 0) return new LabelMatch(datasetLabels, datasetLabelOfClass, isChecked: false);

            var onlyInDataset = datasetLabels.Where(label => !classes.Contains(classOf[label], StringComparer.Ordinal)).ToList();
            var onlyInModel = classes.Where(c => !datasetLabelOfClass.ContainsKey(c)).ToList();
            if (onlyInDataset.Count > 0 || onlyInModel.Count > 0)
                throw new EvaluationLabelMismatchException(datasetVersionName, datasetLabels, modelVersionName, classes, onlyInDataset, onlyInModel, map);
            return new LabelMatch(datasetLabels, datasetLabelOfClass, isChecked: true);
        }

        /// <summary>A model version's classes: "cat,dog" (the service keeps the labels file's lines joined by commas).</summary>
        public static IReadOnlyList<string> ClassesOf(string? classes) =>
            (classes ?? "").Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        private static void CheckMap(IReadOnlyList<string> datasetLabels, IDictionary<string, string> map)
        {
            var unknown = map.Keys.Where(key => !datasetLabels.Contains(key, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"The label map names {Names(unknown)}, which the dataset version has no label of; its labels are {Names(datasetLabels)}.");
            var empty = map.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key).ToList();
            if (empty.Count > 0) throw new ArgumentException($"The label map gives {Names(empty)} no model class.");
        }

        private static Dictionary<string, string> InverseOf(Dictionary<string, string> classOf)
        {
            var shared = classOf.GroupBy(pair => pair.Value, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
            if (shared != null)
                throw new ArgumentException($"The labels {Names(shared.Select(pair => pair.Key))} would all be the model class '{shared.Key}': " +
                                            "map each dataset label to a class of its own.");
            return classOf.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        }

        internal static string Names(IEnumerable<string> names)
        {
            var list = names.Select(n => "'" + n + "'").ToList();
            return list.Count == 0 ? "none" : string.Join(", ", list);
        }
    }
}
