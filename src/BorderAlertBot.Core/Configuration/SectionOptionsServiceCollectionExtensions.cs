using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Configuration;

public static class SectionOptionsServiceCollectionExtensions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to a configuration section and validates it when the host starts.</summary>
    public static IServiceCollection AddSectionOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionOptionsValidator<TOptions>(sectionName));
        return services;
    }
}
