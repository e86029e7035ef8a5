using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
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

    /// <summary>Completes application names from the session's catalogue.</summary>
    public sealed class ApplicationNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            NameCompleter.FromList(SeeMeSession.Current?.Applications.Select(a => a.Name).Where(n => n.Length > 0).Distinct() ?? Enumerable.Empty<string>(), wordToComplete);
    }

    /// <summary>Completes job statuses.</summary>
    public sealed class JobStatusCompleter : IArgumentCompleter
    {
        public static readonly string[] Values = { "waiting", "started", "finished", "error" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => NameCompleter.FromList(Values, wordToComplete);
    }
}
