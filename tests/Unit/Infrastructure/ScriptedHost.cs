using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace SeeMe.Tests.Infrastructure;

/// <summary>
/// A PowerShell host whose user answers every choice prompt (-Confirm, ShouldContinue) from a
/// script of answers given by label ("Yes", "No", "Yes to All", ...), and remembers each prompt and
/// what <see cref="OnPrompt"/> saw at that moment. A prompt beyond the script fails the test.
/// </summary>
public sealed class ScriptedHost : PSHost
{
    private readonly ScriptedUserInterface _ui;

    public ScriptedHost(params string[] answers) => _ui = new ScriptedUserInterface(answers, this);

    /// <summary>The prompts' messages, in the order they were asked.</summary>
    public List<string> Prompts => _ui.Prompts;

    /// <summary>Runs at each prompt, before it is answered (e.g. to look at the server's state).</summary>
    public Action<string> OnPrompt { get; set; } = _ => { };

    public override string Name => "ScriptedHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class ScriptedUserInterface(string[] answers, ScriptedHost host) : PSHostUserInterface
    {
        private readonly Queue<string> _answers = new(answers);

        public List<string> Prompts { get; } = [];

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(message);
            host.OnPrompt(message);
            if (_answers.Count == 0) throw new InvalidOperationException($"Unexpected prompt: {message}");
            var answer = _answers.Dequeue();
            var index = choices.ToList().FindIndex(c => c.Label.Replace("&", "") == answer);
            if (index < 0) throw new InvalidOperationException($"No choice '{answer}' in: {string.Join(", ", choices.Select(c => c.Label))}");
            return index;
        }

        public override PSHostRawUserInterface RawUI => null;
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
    }
}
