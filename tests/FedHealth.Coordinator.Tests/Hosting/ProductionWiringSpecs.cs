using Akka.Actor;
using Akka.Hosting;
using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Hosting;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Hosting.Akka;
using FedHealth.Node.Agent;
using FedHealth.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FedHealth.Coordinator.Tests.Hosting;

/// <summary>
/// The hosts' own wiring in a real generic host: <c>WithFedHealthCoordinator</c> and
/// <c>WithFedHealthNode</c> start the actors and register them in the ActorRegistry, and a study
/// composed by the one composer runs on them with every message crossing the serializer.
/// (Akka.Hosting.TestKit 1.5.7x is built on xunit v3; these specs use xunit 2, so they build the host themselves.)
/// </summary>
public sealed class ProductionWiringSpecs
{
    private static readonly (string Id, int Rows)[] Sites = [("a", 10), ("b", 30), ("c", 20)];

    [Fact]
    public async Task The_hosted_coordinator_and_nodes_are_in_the_registry_and_run_a_composed_study()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkka("wired", akka =>
        {
            akka.WithFedHealthSerialization()
                .AddHocon("akka.actor.serialize-messages = on", HoconAddMode.Prepend)
                .WithFedHealthCoordinator(new CoordinatorOptions(Plan(), Models.Weights(0, 0, 0)));
            foreach (var (id, rows) in Sites)
            {
                akka.WithFedHealthNode(new NodeOptions(new ArithmeticTrainer(), $"/user/{CoordinatorActors.RegistryName}")
                {
                    Data = ArithmeticTrainer.Site(id, rows),
                    Name = $"site-{id}",
                });
            }
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var study = await host.Services.GetRequiredService<IRequiredActor<StudyActor>>().GetAsync();
            Assert.NotNull(await host.Services.GetRequiredService<IRequiredActor<SiteRegistryActor>>().GetAsync());
            Assert.NotNull(await host.Services.GetRequiredService<IRequiredActor<NodeAgentActor>>().GetAsync());
            var done = new TaskCompletionSource<StudyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            host.Services.GetRequiredService<ActorSystem>().ActorOf(StudyListener.Props(study, done, progress: null));

            var result = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(StudyStatus.Completed, result.Status);
            Assert.All(result.Rounds, r => Assert.Equal(3, r.SitesSucceeded.Count));

            // Every site adds exactly 1 per round (ArithmeticTrainer): two rounds of FedAvg give 2.
            Assert.Equal([2f, 2f, 2f], result.FinalWeights.Flat.ToArray());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static StudyPlan Plan() => StudyComposer.Compose(
        StudyRequest.Default with { Id = "wired", Rounds = 2, Dp = "off", SecureAggregation = false, MinFitSites = 3 },
        new StudyEnvironment(Sites.Length, Features: 2, StatisticsLength: 0, Path.GetTempPath(), TimeSpan.FromSeconds(30)));
}
