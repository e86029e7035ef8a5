using System.Reflection;
using System.Xml.Linq;
using SeeMe.HelpGen;

// Usage: SeeMe.HelpGen <SeeMe.PowerShell.dll> <SeeMe.PowerShell.xml> <output SeeMe.PowerShell.dll-Help.xml>
if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: SeeMe.HelpGen <module.dll> <module.xml doc file> <output -Help.xml>");
    return 2;
}

var assembly = Assembly.LoadFrom(Path.GetFullPath(args[0]));
var docs = new DocComments(XDocument.Load(args[1]));
var commands = CommandModel.Read(assembly, docs);
var missing = commands.Where(c => c.Synopsis.Length == 0 || c.Examples.Count == 0).Select(c => c.Name).ToList();
foreach (var name in missing) Console.Error.WriteLine($"warning: {name} has no synopsis or no example in its doc comment.");
Maml.Write(commands).Save(args[2]);
Console.WriteLine($"SeeMe.HelpGen: {commands.Count} commands -> {args[2]}");
return 0;
