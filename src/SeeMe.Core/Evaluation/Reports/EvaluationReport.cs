using System.Globalization;
using System.IO;

namespace SeeMe.Core.Evaluation
{
    /// <summary>One report format: writes a result to a TextWriter, or renders it as a string.</summary>
    public abstract class EvaluationReport
    {
        /// <summary>The file extension the format is chosen by, with its dot.</summary>
        public abstract string Extension { get; }

        public abstract void Write(EvaluationResult result, TextWriter writer);

        public string Render(EvaluationResult result)
        {
            using (var writer = new StringWriter(CultureInfo.InvariantCulture))
            {
                Write(result, writer);
                return writer.ToString();
            }
        }
    }
}
