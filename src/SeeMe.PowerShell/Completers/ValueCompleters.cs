using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SeeMe.PowerShell
{
    /// <summary>The application types a model can have (predictions, New-SeeMeModel, Get-SeeMeApplication).</summary>
    public static class ApplicationTypes
    {
        public const string ImageClassification = "image_classification";
        public const string ObjectDetection = "object_detection";
        public const string TextClassification = "text_classification";
        public const string Structured = "structured";
        public const string Ocr = "ocr";
        public const string Ner = "ner";
        public const string LanguageModel = "language_model";

        public static readonly IReadOnlyList<string> All = new[] { ImageClassification, ObjectDetection, TextClassification, Structured, Ocr, Ner, LanguageModel };

        /// <summary>Types whose input is a file (the others take text, structured takes features).</summary>
        public static bool TakesFile(string applicationType) =>
            applicationType == ImageClassification || applicationType == ObjectDetection || applicationType == Ocr;
    }

    /// <summary>Completes application types: the known ones plus any in the session's catalogue.</summary>
    public sealed class ApplicationTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var fromCatalogue = SeeMeSession.Current?.Applications.Select(a => a.ApplicationType) ?? Enumerable.Empty<string>();
            var types = ApplicationTypes.All.Concat(fromCatalogue).Where(t => !string.IsNullOrEmpty(t)).Distinct().OrderBy(t => t);
            return NameCompleter.FromList(types, wordToComplete);
        }
    }

    /// <summary>Completes job statuses.</summary>
    public sealed class JobStatusCompleter : IArgumentCompleter
    {
        public static readonly string[] Values = { "waiting", "started", "finished", "error" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => NameCompleter.FromList(Values, wordToComplete);
    }
}
