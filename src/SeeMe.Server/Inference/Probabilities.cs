using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>Turns raw class scores into probabilities.</summary>
internal static class Probabilities
{
    private const double SumTolerance = 1e-3;

    /// <summary>The scores as they are when they already are probabilities (each in [0,1], summing to 1), else their softmax.</summary>
    public static double[] From(IReadOnlyList<double> scores)
    {
        RequireFinite(scores);
        return AreProbabilities(scores) ? scores.ToArray() : Softmax(scores);
    }

    /// <summary>NaN or infinite scores mean the model (or its input) is broken: refuse rather than answer nonsense.</summary>
    public static void RequireFinite(IReadOnlyList<double> scores)
    {
        if (scores.Any(s => !double.IsFinite(s)))
            throw DomainException.ModelCannotRun("The model produced scores that are not finite numbers (NaN or infinity) for this input.");
    }

    public static bool AreProbabilities(IReadOnlyList<double> scores) =>
        scores.All(s => s is >= 0 and <= 1) && Math.Abs(scores.Sum() - 1) <= SumTolerance;

    public static double[] Softmax(IReadOnlyList<double> scores)
    {
        var max = scores.Max();
        var exps = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exps.Sum();
        return exps.Select(e => e / sum).ToArray();
    }
}
