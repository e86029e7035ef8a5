using SeeMe.Server;

var options = ServerOptions.FromArgs(args);
var server = SeeMeServerApp.Build(options);
await server.StartAsync();
Console.WriteLine($"SeeMe local server listening on {server.BaseUri}");
Console.WriteLine($"Data folder: {options.DataDirectory}");
Console.WriteLine($"Username: {server.SeedUser.Username}");
Console.WriteLine($"API key:  {server.SeedUser.ApiKey}");
Console.WriteLine("Connect with: Connect-SeeMe -BaseUri " + server.BaseUri + " -Username <username> -ApiKey <key>");
await server.WaitForShutdownAsync();
