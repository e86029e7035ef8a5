using System.Xml.Linq;

namespace SeeMe.HelpGen;

/// <summary>Writes the MAML that Get-Help reads for binary modules (SeeMe.PowerShell.dll-Help.xml).</summary>
public static class Maml
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace M = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace C = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace D = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CommandModel> commands) => new(new XDeclaration("1.0", "utf-8", null),
        new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(Command)));

    private static XElement Command(CommandModel command) => new(C + "command",
        new XAttribute(XNamespace.Xmlns + "maml", M), new XAttribute(XNamespace.Xmlns + "command", C), new XAttribute(XNamespace.Xmlns + "dev", D),
        new XElement(C + "details",
            new XElement(C + "name", command.Name),
            new XElement(C + "verb", command.Verb),
            new XElement(C + "noun", command.Noun),
            Paras(M + "description", command.Synopsis)),
        Paras(M + "description", command.Description),
        new XElement(C + "syntax", command.ParameterSets.Select(set => new XElement(C + "syntaxItem",
            new XElement(M + "name", command.Name),
            command.InSet(set).Select(p => Parameter(p, set, inSyntax: true))))),
        new XElement(C + "parameters", command.Parameters.Select(p => Parameter(p, null, inSyntax: false))),
        new XElement(C + "inputTypes", Inputs(command)),
        new XElement(C + "returnValues", command.Outputs.Select(t => TypeEntry(C + "returnValue", t.FullName!, ""))),
        new XElement(C + "examples", command.Examples.Select((e, i) => new XElement(C + "example",
            new XElement(M + "title", $"-------------------------- Example {i + 1} --------------------------"),
            new XElement(D + "code", e.Code),
            new XElement(D + "remarks", new XElement(M + "para", e.Remarks))))),
        new XElement(C + "relatedLinks"));

    private static XElement Parameter(ParameterModel p, string? set, bool inSyntax) => new(C + "parameter",
        new XAttribute("required", p.Required(set).ToString().ToLowerInvariant()),
        new XAttribute("variableLength", p.Type.IsArray.ToString().ToLowerInvariant()),
        new XAttribute("globbing", p.Globbing.ToString().ToLowerInvariant()),
        new XAttribute("pipelineInput", p.PipelineInput),
        new XAttribute("position", p.Position(set)),
        new XAttribute("aliases", p.Aliases.Length == 0 ? "none" : string.Join(", ", p.Aliases)),
        new XElement(M + "name", p.Name),
        Paras(M + "description", p.Description),
        p.ValidValues.Length > 0 && inSyntax
            ? new XElement(C + "parameterValueGroup", p.ValidValues.Select(v => new XElement(C + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v)))
            : null,
        p.IsSwitch && inSyntax ? null : new XElement(C + "parameterValue", new XAttribute("required", (!p.IsSwitch).ToString().ToLowerInvariant()),
            new XAttribute("variableLength", p.Type.IsArray.ToString().ToLowerInvariant()), TypeName(p.Type)),
        new XElement(D + "type", new XElement(M + "name", TypeName(p.Type)), new XElement(M + "uri")),
        new XElement(D + "defaultValue", p.DefaultValue));

    private static IEnumerable<XElement> Inputs(CommandModel command)
    {
        var byValue = command.Parameters.Where(p => p.ByValue).Select(p => (TypeName(p.Type), $"-{p.Name} from the pipeline."));
        var byName = command.Parameters.Where(p => p.ByPropertyName && !p.ByValue)
            .Select(p => ("System.Management.Automation.PSObject", $"Objects with a {p.Name} property{(p.Aliases.Length > 0 ? " (or " + string.Join(", ", p.Aliases) + ")" : "")} bind -{p.Name}."));
        var entries = byValue.Concat(byName).ToList();
        return entries.Count == 0
            ? [TypeEntry(C + "inputType", "None", "This command takes no pipeline input.")]
            : entries.Select(e => TypeEntry(C + "inputType", e.Item1, e.Item2));
    }

    private static XElement TypeEntry(XName name, string type, string description) => new(name,
        new XElement(D + "type", new XElement(M + "name", type), new XElement(M + "uri")),
        Paras(M + "description", description));

    private static XElement Paras(XName name, string text) => new(name, new XElement(M + "para", text));

    private static string TypeName(Type type)
    {
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
        return Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) : type.Name;
    }
}
