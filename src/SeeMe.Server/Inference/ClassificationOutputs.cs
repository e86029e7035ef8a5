using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>
/// Reads a classifier's outputs into ranked predictions. Understands a score tensor (probabilities or
/// logits, softmaxed when needed), the ai.onnx.ml pair (label, probabilities) with the probabilities as a
/// tensor or as a ZipMap sequence of maps, and a lone label.
/// </summary>
internal static class ClassificationOutputs
{
    public const int TopCount = 5;

    public static IReadOnlyList<PredictionItem> Rank(ModelOutputs outputs, LabelsFile labels)
    {
        var label = PredictedLabel(outputs, labels);
        var scored = ZipMapScores(outputs, labels) ?? TensorScores(outputs, labels, label);
        if (scored is not null) return Top(scored);
        if (label is not null) return [new PredictionItem(label, 1.0)];
        var kinds = string.Join(", ", Enumerable.Range(0, outputs.Count).Select(i => $"{outputs.PortAt(i).Name}: {outputs.PortAt(i).Describe()}"));
        throw DomainException.ModelCannotRun($"The model's outputs ({kinds}) are neither class scores nor a class label.");
    }

    private static IReadOnlyList<PredictionItem> Top(IEnumerable<(string Label, double Score)> scored) =>
        scored.OrderByDescending(s => s.Score).Take(TopCount).Select(s => new PredictionItem(s.Label, s.Score)).ToArray();

    /// <summary>A single string or integer output: the predicted class (ai.onnx.ml classifiers' first output).</summary>
    private static string? PredictedLabel(ModelOutputs outputs, LabelsFile labels)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            var value = outputs.ValueAt(i);
            if (!value.IsTensor || value.GetTensorTypeAndShape().ElementCount != 1) continue;
            switch (value.GetTensorTypeAndShape().ElementDataType)
            {
                case TensorElementType.String: return value.GetStringElement(0);
                case TensorElementType.Int64: return labels.NameOf(value.GetTensorDataAsSpan<long>()[0]);
                case TensorElementType.Int32: return labels.NameOf(value.GetTensorDataAsSpan<int>()[0]);
            }
        }
        return null;
    }

    /// <summary>Scores from the first float tensor output, named by the labels file (or by the string label for the best one).</summary>
    private static IEnumerable<(string, double)>? TensorScores(ModelOutputs outputs, LabelsFile labels, string? label)
    {
        var scores = FirstScoreTensor(outputs);
        if (scores is null) return null;
        Probabilities.RequireFinite(scores);
        if (scores.Length == 1) return SingleScore(scores[0], labels);
        var probabilities = Probabilities.From(scores);
        var best = Array.IndexOf(probabilities, probabilities.Max());
        return probabilities.Select((p, i) => (NameOf(i, best, labels, label), p));
    }

    private static string NameOf(int index, int best, LabelsFile labels, string? label) =>
        index == best && labels.Count == 0 && label is not null && !long.TryParse(label, out _) ? label : labels.NameOf(index);

    /// <summary>One score: a sigmoid probability of class 1 against class 0 when in [0,1], else a regression value.</summary>
    private static IEnumerable<(string, double)> SingleScore(double score, LabelsFile labels) =>
        score is >= 0 and <= 1
            ? [(labels.NameOf(1), score), (labels.NameOf(0), 1 - score)]
            : [(score.ToString("R", CultureInfo.InvariantCulture), 1.0)];

    private static double[]? FirstScoreTensor(ModelOutputs outputs)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            var value = outputs.ValueAt(i);
            if (!value.IsTensor) continue;
            switch (value.GetTensorTypeAndShape().ElementDataType)
            {
                case TensorElementType.Float: return value.GetTensorDataAsSpan<float>().ToArray().Select(f => (double)f).ToArray();
                case TensorElementType.Double: return value.GetTensorDataAsSpan<double>().ToArray();
            }
        }
        return null;
    }

    /// <summary>A ZipMap output: sequence of maps class → probability; the first map is this (single) input's.</summary>
    private static IEnumerable<(string, double)>? ZipMapScores(ModelOutputs outputs, LabelsFile labels)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            var value = outputs.ValueAt(i);
            if (value.OnnxType != OnnxValueType.ONNX_TYPE_SEQUENCE || value.GetValueCount() == 0) continue;
            using var map = value.GetValue(0, OrtAllocator.DefaultInstance);
            if (map.OnnxType != OnnxValueType.ONNX_TYPE_MAP) continue;
            return ReadMap(map, labels);
        }
        return null;
    }

    private static (string, double)[] ReadMap(OrtValue map, LabelsFile labels)
    {
        using var keys = map.GetValue(0, OrtAllocator.DefaultInstance);
        using var values = map.GetValue(1, OrtAllocator.DefaultInstance);
        var names = keys.GetTensorTypeAndShape().ElementDataType == TensorElementType.String
            ? keys.GetStringTensorAsArray()
            : keys.GetTensorDataAsSpan<long>().ToArray().Select(k => labels.NameOf(k)).ToArray();
        var scores = values.GetTensorTypeAndShape().ElementDataType == TensorElementType.Double
            ? values.GetTensorDataAsSpan<double>().ToArray()
            : values.GetTensorDataAsSpan<float>().ToArray().Select(f => (double)f).ToArray();
        var probabilities = Probabilities.From(scores);
        return names.Zip(probabilities).ToArray();
    }
}
