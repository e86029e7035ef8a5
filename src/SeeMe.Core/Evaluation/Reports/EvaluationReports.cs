using System;
using System.IO;

namespace SeeMe.Core.Evaluation
{
    /// <summary>Writes a result as a report chosen by the file's extension: .json, .xml (JUnit), .md or .html.</summary>
    public static class EvaluationReports
    {
        public static readonly string[] Extensions = { ".json", ".xml", ".md", ".html" };

        /// <summary>Writes to a temporary file in the same folder, then moves it into place, so no half-written report is left.</summary>
        public static void Write(EvaluationResult result, string path)
        {
            throw new NotImplementedException("Reports are being written.");
        }
    }
}
