using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// The dataset's labels and the model's classes are not the same names: raised before anything is predicted,
    /// with the names on each side.
    /// </summary>
    public sealed class EvaluationLabelMismatchException : Exception
    {
        public EvaluationLabelMismatchException(string datasetVersionName, IReadOnlyList<string> datasetLabels, string modelVersionName,
            IReadOnlyList<string> modelClasses, IReadOnlyList<string> onlyInDataset, IReadOnlyList<string> onlyInModel, IDictionary<string, string> labelMap)
            : base(Describe(datasetVersionName, datasetLabels, modelVersionName, modelClasses, onlyInDataset, onlyInModel, labelMap))
        {
            DatasetLabels = datasetLabels;
            ModelClasses = modelClasses;
            OnlyInDataset = onlyInDataset;
            OnlyInModel = onlyInModel;
        }

        public IReadOnlyList<string> DatasetLabels { get; }
        public IReadOnlyList<string> ModelClasses { get; }

        /// <summary>Dataset labels (after the label map) that are none of the model's classes.</summary>
        public IReadOnlyList<string> OnlyInDataset { get; }

        /// <summary>Model classes that no dataset label is (or maps to).</summary>
        public IReadOnlyList<string> OnlyInModel { get; }

        private static string Describe(string datasetVersionName, IReadOnlyList<string> datasetLabels, string modelVersionName,
            IReadOnlyList<string> modelClasses, IReadOnlyList<string> onlyInDataset, IReadOnlyList<string> onlyInModel, IDictionary<string, string> labelMap)
        {
            var mapped = labelMap.Count == 0 ? "" : $" (with the label map {string.Join(", ", labelMap.Select(p => $"'{p.Key}' → '{p.Value}'"))})";
            return $"The labels of dataset version '{datasetVersionName}' and the classes of model version '{modelVersionName}' differ{mapped}, " +
                   "so nothing was predicted. " +
                   $"Only in the dataset: {LabelMatch.Names(onlyInDataset)}. Only in the model: {LabelMatch.Names(onlyInModel)}. " +
                   $"Dataset labels: {LabelMatch.Names(datasetLabels)}; model classes: {LabelMatch.Names(modelClasses)}. " +
                   "Map each dataset label to the model's name for it (dataset label → model class), or add the missing labels to the dataset version.";
        }
    }
}
