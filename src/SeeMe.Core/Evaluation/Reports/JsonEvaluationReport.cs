using System;
using System.IO;

namespace SeeMe.Core.Evaluation
{
    public sealed class JsonEvaluationReport : EvaluationReport
    {
        public override string Extension => ".json";

        public override void Write(EvaluationResult result, TextWriter writer) => throw new NotImplementedException();
    }
}
