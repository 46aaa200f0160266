using System.Text.Json;
using BorderAlertBot.Configuration;
using BorderAlertBot.Coordination;
using BorderAlertBot.Curation;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Discord;
using BorderAlertBot.Geography;
using BorderAlertBot.Hosting;
using BorderAlertBot.Ingestion.Acled.Api;
using BorderAlertBot.Ingestion.DropFolder;
using BorderAlertBot.Ingestion.Feeds;
using BorderAlertBot.Ingestion.Gdelt;
using BorderAlertBot.Slack;
using BorderAlertBot.Sources;
using BorderAlertBot.Store.Postgres;
using BorderAlertBot.Store.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Tests.Hosting;

/// <summary>appsettings.example.json documents every option: it binds, it validates, and the README table names each key.</summary>
public sealed class ExampleSettingsTests
{
    private static readonly Dictionary<string, Type[]> Sections = new()
    {
        [HttpOptions.SectionName] = [typeof(HttpOptions)],
        [StoreOptions.SectionName] = [typeof(StoreOptions), typeof(SqliteStoreOptions), typeof(PostgresStoreOptions)],
        [ClusterOptions.SectionName] = [typeof(ClusterOptions)],
        [SampleOptions.SectionName] = [typeof(SampleOptions)],
        [ConsoleAlertsOptions.SectionName] = [typeof(ConsoleAlertsOptions)],
        [DeliveryOptions.SectionName] = [typeof(DeliveryOptions)],
        [DigestOptions.SectionName] = [typeof(DigestOptions)],
        [DiscordOptions.SectionName] = [typeof(DiscordOptions)],
        [SlackOptions.SectionName] = [typeof(SlackOptions)],
        [ConfiguredSubscriptionsOptions.SectionName] = [typeof(ConfiguredSubscriptionsOptions)],
        [GeographyOptions.SectionName] = [typeof(GeographyOptions)],
        [SourcesOptions.SectionName] = [typeof(SourcesOptions)],
        [CurationOptions.SectionName] = [typeof(CurationOptions)],
        [GdeltOptions.SectionName] = [typeof(GdeltOptions)],
        [FeedsOptions.SectionName] = [typeof(FeedsOptions)],
        [AcledOptions.SectionName] = [typeof(AcledOptions)],
        [DropFolderOptions.SectionName] = [typeof(DropFolderOptions)],
    };

    [Fact]
    public void The_example_settings_bind_and_pass_validation()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.example.json")).Build();
        var services = new ServiceCollection().AddLogging().AddBorderAlertBotServices(configuration).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(5080, services.GetRequiredService<IOptions<HttpOptions>>().Value.Port);
    }

    [Fact]
    public void Every_options_class_the_services_validate_is_documented_here()
    {
        var configuration = new ConfigurationBuilder().Build();
        var validated = new ServiceCollection().AddLogging().AddBorderAlertBotServices(configuration)
            .Where(service => service.ServiceType.IsGenericType && service.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Where(service => service.ImplementationInstance?.GetType().GetGenericTypeDefinition() == typeof(SectionOptionsValidator<>))
            .Select(service => service.ServiceType.GetGenericArguments()[0])
            .ToHashSet();

        Assert.Empty(validated.Except(Sections.Values.SelectMany(types => types)));
    }

    [Fact]
    public void Every_option_is_in_the_example_and_every_example_key_is_an_option()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.example.json")));
        var exampleKeys = example.RootElement.EnumerateObject()
            .Where(section => section.Name != "Logging")
            .SelectMany(section => section.Value.EnumerateObject().Select(option => $"{section.Name}:{option.Name}"))
            .ToHashSet();

        Assert.Equal(OptionKeys().ToHashSet(), exampleKeys);
    }

    [Fact]
    public void The_readme_configuration_table_names_every_option()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));

        Assert.All(OptionKeys(), key => Assert.Contains($"| `{key}` |", readme, StringComparison.Ordinal));
    }

    private static IEnumerable<string> OptionKeys() =>
        Sections.SelectMany(section => section.Value
            .SelectMany(type => type.GetProperties())
            .Where(property => property.CanWrite)
            .Select(property => $"{section.Key}:{property.Name}"))
        .Distinct();
}
