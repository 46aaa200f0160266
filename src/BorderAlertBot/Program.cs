using BorderAlertBot.Cli;

return await BorderAlertBotCli.RunAsync(args);

/// <summary>The entry point; public and partial so tests can host the bot with WebApplicationFactory.</summary>
public partial class Program;
