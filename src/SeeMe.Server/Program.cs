using SeeMe.Server;
using SeeMe.Server.SampleData;

var options = ServerOptions.FromArgs(args);
var server = SeeMeServerApp.Build(options);
await server.StartAsync();
if (options.SampleData)
    Console.WriteLine("Sample images: " + await SampleContent.AddAsync(server.BaseUri, server.SeedUser, options.DataDirectory));
Console.WriteLine(ReadyLine.For(server.BaseUri));
Console.WriteLine($"Data folder: {options.DataDirectory}");
Console.WriteLine($"Username: {server.SeedUser.Username}");
Console.WriteLine($"API key:  {server.SeedUser.ApiKey}");
Console.WriteLine("Connect with: Connect-SeeMe -BaseUri " + server.BaseUri + " -Username <username> -ApiKey <key>");
await server.WaitForShutdownAsync();
await server.DisposeAsync(); // closes the store, and removes the data folder with --delete-data-on-exit
