using System;
using System.IO;

namespace SeeMe.Core.Evaluation
{
    public sealed class HtmlEvaluationReport : EvaluationReport
    {
        public override string Extension => ".html";

        public override void Write(EvaluationResult result, TextWriter writer) => throw new NotImplementedException();
    }
}
