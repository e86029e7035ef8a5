using System.Management.Automation;
using System.Reflection;

namespace SeeMe.HelpGen;

public sealed record ParameterModel(string Name, Type Type, string Description, string[] Aliases, bool Globbing, string[] ValidValues,
    IReadOnlyList<ParameterAttribute> Attributes, string DefaultValue = "None")
{
    public bool IsSwitch => Type == typeof(SwitchParameter);
    public bool ByValue => Attributes.Any(a => a.ValueFromPipeline);
    public bool ByPropertyName => Attributes.Any(a => a.ValueFromPipelineByPropertyName);

    public string PipelineInput => (ByValue, ByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    public ParameterAttribute? In(string set) =>
        Attributes.FirstOrDefault(a => a.ParameterSetName == set) ?? Attributes.FirstOrDefault(a => a.ParameterSetName == ParameterAttribute.AllParameterSets);

    public string Position(string? set = null)
    {
        var position = (set == null ? Attributes.Select(a => a.Position) : [In(set)?.Position ?? int.MinValue]).Where(p => p >= 0).DefaultIfEmpty(-1).Min();
        return position >= 0 ? position.ToString() : "named";
    }

    public bool Required(string? set = null) => set == null ? Attributes.All(a => a.Mandatory) : In(set)?.Mandatory == true;
}

public sealed record CommandModel(string Name, string Verb, string Noun, string Synopsis, string Description,
    IReadOnlyList<ParameterModel> Parameters, IReadOnlyList<string> ParameterSets, IReadOnlyList<Type> Outputs,
    IReadOnlyList<(string Code, string Remarks)> Examples)
{
    public IEnumerable<ParameterModel> InSet(string set) =>
        Parameters.Where(p => p.In(set) != null)
            .OrderBy(p => p.In(set)!.Position is var pos && pos >= 0 ? pos : int.MaxValue)
            .ThenByDescending(p => p.Required(set)).ThenBy(p => p.Name);

    public static List<CommandModel> Read(Assembly assembly, DocComments docs) =>
        assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null)
            .Select(t => Read(t, docs)).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static CommandModel Read(Type type, DocComments docs)
    {
        var cmdlet = type.GetCustomAttribute<CmdletAttribute>()!;
        var fresh = Activator.CreateInstance(type);
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes<ParameterAttribute>(inherit: false).Any())
            .Select(p => ReadParameter(p, docs, DefaultValueOf(p, fresh))).Concat(CommonExtras(cmdlet)).ToList();
        var named = parameters.SelectMany(p => p.Attributes).Select(a => a.ParameterSetName)
            .Where(s => s != ParameterAttribute.AllParameterSets).Distinct().ToList();
        var sets = named.Count == 0 ? [ParameterAttribute.AllParameterSets]
            : named.OrderBy(s => s == cmdlet.DefaultParameterSetName ? 0 : 1).ToList();
        var member = "T:" + type.FullName;
        return new CommandModel($"{cmdlet.VerbName}-{cmdlet.NounName}", cmdlet.VerbName, cmdlet.NounName,
            docs.Para(member, "synopsis"), docs.Para(member, "description"), parameters, sets,
            type.GetCustomAttributes<OutputTypeAttribute>().SelectMany(o => o.Type).Select(t => t.Type).Where(t => t != null && t != typeof(void)).ToList()!,
            docs.Examples(member));
    }

    // Attributes as PowerShell reads them: those of the most-derived declaration only (an override
    // that moves a base parameter into the command's own sets repeats them).
    private static ParameterModel ReadParameter(PropertyInfo property, DocComments docs, string defaultValue) => new(
        property.Name, property.PropertyType,
        DescriptionOf(property, docs),
        property.GetCustomAttributes<AliasAttribute>(inherit: false).SelectMany(a => a.AliasNames).ToArray(),
        property.GetCustomAttribute<SupportsWildcardsAttribute>(inherit: false) != null,
        ValidValues(property),
        property.GetCustomAttributes<ParameterAttribute>(inherit: false).ToList(),
        defaultValue);

    /// <summary>What a parameter holds when it is not given: its value on a new instance of the cmdlet ("None" for no value; switches are False).</summary>
    private static string DefaultValueOf(PropertyInfo property, object? fresh)
    {
        var value = fresh == null ? null : property.GetValue(fresh);
        if (value is SwitchParameter flag) return flag.IsPresent ? "True" : "False";
        if (value is System.Collections.IEnumerable list and not string)
        {
            var items = list.Cast<object>().Select(Invariant).ToList();
            return items.Count == 0 ? "None" : string.Join(", ", items);
        }
        var unset = value is null or PSCredential or "" || (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) == null
            && value.Equals(Activator.CreateInstance(property.PropertyType)));
        return unset ? "None" : Invariant(value!);
    }

    private static string Invariant(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The property's description: its own, or for an override documented with inheritdoc the overridden one's.</summary>
    private static string DescriptionOf(PropertyInfo property, DocComments docs)
    {
        for (var type = property.DeclaringType; type != null; type = type.BaseType)
        {
            var declaring = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            var description = docs.Description($"P:{declaring.FullName}.{property.Name}");
            if (description.Length > 0) return description;
        }
        return "";
    }

    private static string[] ValidValues(PropertyInfo property)
    {
        var set = property.GetCustomAttribute<ValidateSetAttribute>(inherit: false);
        if (set != null) return set.ValidValues.ToArray();
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type.IsEnum ? Enum.GetNames(type) : [];
    }

    /// <summary>-WhatIf/-Confirm and the paging parameters the engine adds, so help shows them like platyPS does.</summary>
    private static IEnumerable<ParameterModel> CommonExtras(CmdletAttribute cmdlet)
    {
        var all = new[] { new ParameterAttribute() };
        if (cmdlet.SupportsShouldProcess)
        {
            yield return new("WhatIf", typeof(SwitchParameter), "Shows what would happen if the command runs; nothing is changed.", ["wi"], false, [], all);
            yield return new("Confirm", typeof(SwitchParameter), "Asks for confirmation before each change (-Confirm:$false never asks).", ["cf"], false, [], all);
        }
        if (cmdlet.SupportsPaging)
        {
            yield return new("First", typeof(ulong), "Gets only this many objects.", [], false, [], all);
            yield return new("Skip", typeof(ulong), "Skips this many objects first.", [], false, [], all);
            yield return new("IncludeTotalCount", typeof(SwitchParameter), "Reports the total count (when the server tells it).", [], false, [], all);
        }
    }
}
