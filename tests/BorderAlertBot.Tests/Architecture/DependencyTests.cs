using System.Reflection;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Tests.Architecture;

/// <summary>Dependencies point inward (ARCHITECTURE.md §2): Core knows no infrastructure; stores and sources don't know each other.</summary>
public sealed class DependencyTests
{
    private static readonly Assembly Core = typeof(ConflictEvent).Assembly;
    private static readonly Assembly Ingestion = typeof(Ingestion.SampleScenario).Assembly;
    private static readonly Assembly Sqlite = typeof(Store.Sqlite.SqliteEventStore).Assembly;
    private static readonly Assembly Postgres = typeof(Store.Postgres.PostgresEventStore).Assembly;
    private static readonly Assembly Charts = typeof(Charts.EventsPerDayChart).Assembly;
    private static readonly Assembly Discord = typeof(BorderAlertBot.Discord.DiscordOptions).Assembly;
    private static readonly Assembly Slack = typeof(BorderAlertBot.Slack.SlackOptions).Assembly;

    [Fact]
    public void Core_references_only_the_base_library_and_extension_abstractions()
    {
        var forbidden = References(Core).Where(name =>
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Npgsql", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("BorderAlertBot", StringComparison.Ordinal)
            || name.StartsWith("Spectre", StringComparison.Ordinal)
            || name.StartsWith("ScottPlot", StringComparison.Ordinal)
            || name.StartsWith("SkiaSharp", StringComparison.Ordinal)
            || name.StartsWith("HarfBuzzSharp", StringComparison.Ordinal)
            || name.StartsWith("System.CommandLine", StringComparison.Ordinal));

        Assert.Empty(forbidden);
    }

    [Fact]
    public void The_store_and_the_sources_do_not_know_each_other_or_the_host()
    {
        Assert.DoesNotContain("BorderAlertBot.Ingestion", References(Sqlite));
        Assert.DoesNotContain("BorderAlertBot", References(Sqlite));
        Assert.DoesNotContain("BorderAlertBot.Store.Sqlite", References(Ingestion));
        Assert.DoesNotContain("BorderAlertBot", References(Ingestion));
        Assert.Contains("BorderAlertBot.Core", References(Sqlite));
        Assert.Contains("BorderAlertBot.Core", References(Ingestion));
    }

    [Fact]
    public void The_postgres_store_knows_only_core_and_only_the_executable_knows_both_stores()
    {
        var references = References(Postgres);
        var others = new[] { Core, Ingestion, Sqlite, Charts, Discord, Slack };

        Assert.Contains("BorderAlertBot.Core", references);
        Assert.Contains("Npgsql", references);
        Assert.DoesNotContain(references, name => name.StartsWith("BorderAlertBot", StringComparison.Ordinal) && name != "BorderAlertBot.Core");
        Assert.DoesNotContain(references, name => name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.All(others, assembly => Assert.DoesNotContain("BorderAlertBot.Store.Postgres", References(assembly)));
        Assert.All(others, assembly => Assert.DoesNotContain(References(assembly), name => name.StartsWith("Npgsql", StringComparison.Ordinal)));
        var host = References(typeof(BorderAlertBot.Hosting.StoreOptions).Assembly);
        Assert.Contains("BorderAlertBot.Store.Sqlite", host);
        Assert.Contains("BorderAlertBot.Store.Postgres", host);
    }

    [Fact]
    public void The_charts_know_only_core_and_nothing_else_knows_the_charts()
    {
        var references = References(Charts);

        Assert.Contains("BorderAlertBot.Core", references);
        Assert.Contains("ScottPlot", references);
        Assert.DoesNotContain("BorderAlertBot", references);
        Assert.DoesNotContain("BorderAlertBot.Ingestion", references);
        Assert.DoesNotContain("BorderAlertBot.Store.Sqlite", references);
        Assert.DoesNotContain("BorderAlertBot.Charts", References(Core));
        Assert.DoesNotContain("BorderAlertBot.Charts", References(Sqlite));
        Assert.DoesNotContain("BorderAlertBot.Charts", References(Ingestion));
    }

    [Fact]
    public void Discord_knows_only_core_and_the_core_knows_no_platform()
    {
        var references = References(Discord);

        Assert.Contains("BorderAlertBot.Core", references);
        Assert.DoesNotContain("BorderAlertBot", references);
        Assert.DoesNotContain("BorderAlertBot.Ingestion", references);
        Assert.DoesNotContain("BorderAlertBot.Store.Sqlite", references);
        Assert.DoesNotContain("BorderAlertBot.Charts", references);
        Assert.DoesNotContain(references, name => name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ScottPlot", StringComparison.Ordinal));
        Assert.DoesNotContain("BorderAlertBot.Discord", References(Core));
        Assert.DoesNotContain("BorderAlertBot.Discord", References(Sqlite));
        Assert.DoesNotContain("BorderAlertBot.Discord", References(Ingestion));
        Assert.DoesNotContain("BorderAlertBot.Discord", References(Charts));
    }

    [Fact]
    public void Slack_knows_only_core_and_no_other_platform_or_infrastructure_knows_slack()
    {
        var references = References(Slack);

        Assert.Contains("BorderAlertBot.Core", references);
        Assert.DoesNotContain(references, name => name is "BorderAlertBot" or "BorderAlertBot.Discord" or "BorderAlertBot.Ingestion" or "BorderAlertBot.Store.Sqlite" or "BorderAlertBot.Charts");
        Assert.DoesNotContain("BorderAlertBot.Slack", References(Core));
        Assert.DoesNotContain("BorderAlertBot.Slack", References(Discord));
        Assert.DoesNotContain("BorderAlertBot.Slack", References(Sqlite));
        Assert.DoesNotContain("BorderAlertBot.Slack", References(Ingestion));
    }

    [Fact]
    public void Every_async_method_of_a_core_port_takes_a_cancellation_token_last_without_a_default()
    {
        var ports = Core.GetTypes().Where(type => type.IsInterface && type.IsPublic && type.Namespace == "BorderAlertBot.Abstractions").ToList();
        var offenders = ports
            .SelectMany(port => port.GetMethods())
            .Where(method => typeof(Task).IsAssignableFrom(method.ReturnType))
            .Where(method =>
            {
                var last = method.GetParameters().LastOrDefault();
                return !method.Name.EndsWith("Async", StringComparison.Ordinal)
                    || last?.ParameterType != typeof(CancellationToken)
                    || last.HasDefaultValue;
            })
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}");

        Assert.NotEmpty(ports);
        Assert.Empty(offenders);
    }

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();
}
