using System.CommandLine;
using BorderAlertBot.Benchmarks.Scenarios;

var root = new RootCommand("BorderAlertBot benchmark scenarios (ARCHITECTURE.md §12). Each prints one JSON object per line.");
root.Subcommands.Add(AcledImportScenario.Create());
root.Subcommands.Add(CuratedImportScenario.Create());
root.Subcommands.Add(CuratedImportScenario.CreateGenerator());
root.Subcommands.Add(MatchScenario.Create());
root.Subcommands.Add(LatencyScenario.Create());
root.Subcommands.Add(QueryScenario.Create());
root.Subcommands.Add(DigestScenario.Create());
root.Subcommands.Add(FanoutScenario.Create());
root.Subcommands.Add(SlackFanoutScenario.Create());
return await root.Parse(args).InvokeAsync();
