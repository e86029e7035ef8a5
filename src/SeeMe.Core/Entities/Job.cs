using System;
using System.Collections.Generic;
using System.Globalization;

namespace SeeMe.Core.Entities
{
    /// <summary>A training, validation or conversion job (the service runs them; a local server only stores them).</summary>
    public sealed class Job : NamedEntity
    {
        /// <summary>training, validation or conversion (required).</summary>
        public string JobType { get; set; } = "";
        public string ApplicationId { get; set; } = "";
        /// <summary>waiting, started, finished or error (required; a new job is <see cref="JobStatuses.Waiting"/>).</summary>
        public string Status { get; set; } = "";
        public string StatusMessage { get; set; } = "";
        public string UserId { get; set; } = "";
        public string DatasetId { get; set; } = "";
        public string DatasetVersionId { get; set; } = "";
        public string ModelId { get; set; } = "";
        public string ModelVersionId { get; set; } = "";
        public string StartModelId { get; set; } = "";
        public List<JobItem> Items { get; set; } = new List<JobItem>();
    }

    /// <summary>The states of a job.</summary>
    public static class JobStatuses
    {
        public const string Waiting = "waiting";
        public const string Started = "started";
        public const string Finished = "finished";
        public const string Error = "error";

        /// <summary>Every state: what the SDK asks for when listing jobs without a status filter.</summary>
        public static readonly IReadOnlyList<string> All = new[] { Waiting, Started, Finished, Error };
    }

    /// <summary>The kinds of job.</summary>
    public static class JobTypes
    {
        public const string Training = "training";
        public const string Validation = "validation";
        public const string Conversion = "conversion";

        public static readonly IReadOnlyList<string> All = new[] { Training, Validation, Conversion };
    }

    /// <summary>
    /// A setting of a job (hyper-parameter and the like). <see cref="Name"/>, <see cref="Value"/>,
    /// <see cref="ValueType"/> and <see cref="Label"/> are required; the value is typed by its
    /// value type (a JSON number for int and float, true/false for boolean, a string for text).
    /// Replies add the item's own id and job id, which an update sends back.
    /// </summary>
    public sealed class JobItem : SeeMeEntity
    {
        public string JobId { get; set; } = "";
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        public object? Value { get; set; }
        /// <summary>One of <see cref="JobValueTypes"/>.</summary>
        public string ValueType { get; set; } = "";
        /// <summary>What a person reads for this setting.</summary>
        public string Label { get; set; } = "";
        public object? DefaultValue { get; set; }

        /// <summary>An item for a .NET value: its value type follows the value (int, float, boolean, else text), its label is its name.</summary>
        public static JobItem For(string name, object? value)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A job item needs a name.", nameof(name));
            var valueType = JobValueTypes.Of(value);
            return new JobItem { Name = name, Label = name, ValueType = valueType, Value = JobValueTypes.Typed(value, valueType) };
        }

        public override string ToString() => $"{Name} = {Value}";
    }

    /// <summary>The value types of job items, and how a value is typed by them.</summary>
    public static class JobValueTypes
    {
        public const string Int = "int";
        public const string Float = "float";
        public const string Boolean = "boolean";
        public const string Text = "text";

        /// <summary>The value type a .NET value is sent as.</summary>
        public static string Of(object? value) => value switch
        {
            bool _ => Boolean,
            byte _ or sbyte _ or short _ or ushort _ or int _ or uint _ or long _ => Int,
            float _ or double _ or decimal _ => Float,
            _ => Text,
        };

        /// <summary>The value as the JSON type its value type asks for (text as an invariant-culture string).</summary>
        public static object? Typed(object? value, string valueType) => valueType switch
        {
            Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
            Int => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            Float => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }
}
