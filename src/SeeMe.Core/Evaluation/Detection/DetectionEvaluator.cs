using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    internal static class DetectionEvaluator
    {
        public static void Evaluate(LabelIndex labels, IEnumerable<DetectionOutcome> outcomes, double confidenceThreshold, EvaluationResult result)
        {
            throw new NotImplementedException("Detection metrics are being written.");
        }
    }
}
