using System;
using System.Management.Automation;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// A failure the module explains itself: its reason (the ErrorId is the noun and the reason: <see cref="Noun"/>, or
    /// the command's), category, message and what to do (shown as the error's Recommendation). The original failure,
    /// when there is one, is its inner exception.
    /// </summary>
    internal sealed class ExplainedException : Exception
    {
        public ExplainedException(string message, string reason, ErrorCategory category, string advice, Exception? inner = null, string? noun = null)
            : base(message, inner)
        {
            Reason = reason;
            Category = category;
            Advice = advice;
            Noun = noun;
        }

        /// <summary>The kind the failure is about when it is not the command's own (ModelNotFound from Invoke-SeeMePrediction).</summary>
        public string? Noun { get; }
        public string Reason { get; }
        public ErrorCategory Category { get; }
        public string Advice { get; }
    }
}
