using Akka.Actor;
using Akka.Hosting;
using FedHealth.Cli.Commands.Coordinator;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Hosting;
using FedHealth.Coordinator.Persistence;
using FedHealth.Hosting.Akka;
using FedHealth.Hosting.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedHealth.Cli.Commands.Studies;

/// <summary>Reads the studies of a state (named directly, or by a coordinator.json) with the coordinator's own persistence wiring, changing nothing.</summary>
internal static class StudiesReader
{
    public static async Task<IReadOnlyList<StudySummary>> ReadAsync(string? stateDirectory, string? configPath, CancellationToken cancellationToken)
    {
        var state = Resolve(stateDirectory, configPath);
        if (state.Provider == StateProvider.Sqlite && !File.Exists(state.DatabasePath))
        {
            throw new UserInputException($"no state at '{state.DatabasePath}': name a coordinator's state directory (--state) or its configuration (--config).");
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("fedhealth-studies", akka => akka
            .WithFedHealthLogging(Akka.Event.LogLevel.WarningLevel)
            .WithFedHealthState(state)
            .WithFedHealthStudyState());
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StateStoreException($"cannot open the state at {state.Describe()}: {ex.GetBaseException().Message}", ex);
        }

        try
        {
            return await StudyCatalog.ReadAsync(host.Services.GetRequiredService<ActorSystem>(), PersistenceBuilderExtensions.ReadJournalId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static StateStoreOptions Resolve(string? stateDirectory, string? configPath)
    {
        if ((stateDirectory is null) == (configPath is null))
        {
            throw new UserInputException("give either --state DIR or --config coordinator.json.");
        }

        if (stateDirectory is not null)
        {
            return new StateStoreOptions(StateProvider.Sqlite, stateDirectory);
        }

        var section = ServiceConfiguration.Build(configPath!, []).GetSection("Coordinator").Get<CoordinatorSection>() ?? new CoordinatorSection();
        if (string.IsNullOrWhiteSpace(section.Output))
        {
            throw new UserInputException($"--config: '{configPath}' has no Coordinator:Output, so its default state directory is unknown.");
        }

        var problems = new List<string>();
        section.State.Check("Coordinator:State", problems);
        if (problems.Count > 0)
        {
            throw new UserInputException(string.Join(" ", problems));
        }

        return section.State.ToOptions(section.Output);
    }
}
