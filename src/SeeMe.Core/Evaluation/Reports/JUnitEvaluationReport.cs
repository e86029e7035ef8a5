using System;
using System.IO;

namespace SeeMe.Core.Evaluation
{
    public sealed class JUnitEvaluationReport : EvaluationReport
    {
        public override string Extension => ".xml";

        public override void Write(EvaluationResult result, TextWriter writer) => throw new NotImplementedException();
    }
}
