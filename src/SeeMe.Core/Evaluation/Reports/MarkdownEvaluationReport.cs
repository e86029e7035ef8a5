using System;
using System.IO;

namespace SeeMe.Core.Evaluation
{
    public sealed class MarkdownEvaluationReport : EvaluationReport
    {
        public override string Extension => ".md";

        public override void Write(EvaluationResult result, TextWriter writer) => throw new NotImplementedException();
    }
}
