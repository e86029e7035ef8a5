using System;
using System.IO;
using System.Management.Automation;
using SeeMe.Core.Exceptions;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// The only mapping from failures to ErrorRecords. ErrorIds are <c>&lt;Noun&gt;&lt;Reason&gt;</c>
    /// (ModelNotFound, DatasetPermissionDenied, ...) so scripts can branch on them.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, string noun, object? target)
        {
            if (exception is LocalServerStoppedException stopped) return LocalServerStopped(stopped, target);
            var (reason, category) = Classify(exception);
            var record = new ErrorRecord(exception, noun + reason, category, target);
            var advice = Advice(exception);
            if (advice != null) record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice };
            return record;
        }

        /// <summary>An application combination the catalogue lacks (Core says so host-neutrally; this adds the cmdlet to run).</summary>
        public static ErrorRecord UnsupportedApplication(NotSupportedException exception, string noun, object? target)
        {
            var record = From(exception, noun, target);
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Run Get-SeeMeApplication to see the supported combinations." };
            return record;
        }

        public static ErrorRecord NoSession() => new ErrorRecord(
            new InvalidOperationException("There is no SeeMe session. Run Connect-SeeMe first (or pass -Session)."),
            "SessionNotFound", ErrorCategory.ConnectionError, null);

        /// <summary>The session's local server is gone: one id whatever the command, and what to do instead of waiting for retries.</summary>
        private static ErrorRecord LocalServerStopped(LocalServerStoppedException exception, object? target) =>
            new ErrorRecord(exception, "LocalServerStopped", ErrorCategory.ConnectionError, target)
            {
                ErrorDetails = new ErrorDetails(exception.Message)
                {
                    RecommendedAction = "Start a local server again and connect to it: Start-SeeMeLocalServer | Connect-SeeMe",
                },
            };

        /// <summary>A file a Save-/Export- command would replace, in a host that cannot ask whether to (see SeeMeCmdlet.ConfirmReplace).</summary>
        public static ErrorRecord FileExists(string noun, string path, Exception hostFailure) => new ErrorRecord(
            new IOException($"'{path}' exists and this host cannot ask whether to replace it.", hostFailure),
            noun + "FileExists", ErrorCategory.ResourceExists, path)
        {
            ErrorDetails = new ErrorDetails($"'{path}' exists and was not replaced.") { RecommendedAction = "Add -Force to replace it, or choose another -Destination." },
        };

        private static (string Reason, ErrorCategory Category) Classify(Exception exception)
        {
            switch (exception)
            {
                case SeeMeApiException api:
                    switch (api.StatusCode)
                    {
                        case 0: return ("ConnectionFailed", ErrorCategory.ConnectionError);
                        case 400: return ("InvalidArgument", ErrorCategory.InvalidArgument);
                        case 401: return ("AuthenticationFailed", ErrorCategory.AuthenticationError);
                        case 403: return ("PermissionDenied", ErrorCategory.PermissionDenied);
                        case 404: return ("NotFound", ErrorCategory.ObjectNotFound);
                        case 409: return ("AlreadyExists", ErrorCategory.ResourceExists);
                        case 413: return ("TooLarge", ErrorCategory.LimitsExceeded);
                        case 422: return ("InvalidData", ErrorCategory.InvalidData);
                        default: return api.StatusCode >= 500 ? ("ServerError", ErrorCategory.ConnectionError) : ("RequestFailed", ErrorCategory.InvalidOperation);
                    }
                case ItemNotFoundException _: return ("NotFound", ErrorCategory.ObjectNotFound);
                case FileNotFoundException _: return ("FileNotFound", ErrorCategory.ObjectNotFound);
                case DirectoryNotFoundException _: return ("FolderNotFound", ErrorCategory.ObjectNotFound);
                case InvalidDataException _: return ("InvalidData", ErrorCategory.InvalidData);
                case IOException _: return ("WriteFailed", ErrorCategory.WriteError);
                case UnauthorizedAccessException _: return ("AccessDenied", ErrorCategory.PermissionDenied);
                case NotSupportedException _: return ("NotSupported", ErrorCategory.NotImplemented);
                case ArgumentException _: return ("InvalidArgument", ErrorCategory.InvalidArgument);
                default: return ("Failed", ErrorCategory.NotSpecified);
            }
        }

        private static string? Advice(Exception exception) => exception switch
        {
            SeeMeApiException api when api.IsTimeout => "The service stopped answering; try again later, or allow longer with Connect-SeeMe -TimeoutSec.",
            SeeMeApiException api when api.StatusCode == 0 => "Check -BaseUri and that the server is running (Start-SeeMeLocalServer for a local one).",
            SeeMeApiException api when api.StatusCode == 401 => "Run Connect-SeeMe again with a valid username and API key.",
            SeeMeApiException api when api.StatusCode == 403 => "Only the owner may change this; ask the owner or work on your own copy.",
            SeeMeApiException api when api.StatusCode == 404 => "Check the id or name (Get-SeeMe* lists what you can see).",
            _ => null,
        };
    }
}
