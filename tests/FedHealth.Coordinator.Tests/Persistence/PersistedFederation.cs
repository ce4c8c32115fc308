using Akka.Actor;
using Akka.Hosting;
using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Hosting;
using FedHealth.Coordinator.Persistence;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Training;
using FedHealth.Hosting.Akka;
using FedHealth.Hosting.Persistence;
using FedHealth.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FedHealth.Coordinator.Tests.Persistence;

/// <summary>
/// A small federation (three arithmetic sites) in a generic host with the production wiring:
/// <c>WithFedHealthState</c> over the given state and <c>WithFedHealthCoordinator</c>, every message
/// crossing the serializer. Starting one again on the same state is a coordinator restarted after a crash.
/// </summary>
internal sealed class PersistedFederation : IAsyncDisposable
{
    public static readonly (string Id, int Rows)[] Sites = [("a", 10), ("b", 30), ("c", 20)];

    private readonly IHost _host;
    private readonly IDisposable _lease;

    private PersistedFederation(IHost host, IDisposable lease)
    {
        _host = host;
        _lease = lease;
    }

    public static async Task<PersistedFederation> StartAsync(StateStoreOptions state, StudyRequest request, ILocalTrainer trainer, string ledgerFolder)
    {
        var lease = StateStoreCheck.Open(state);
        var plan = StudyComposer.Compose(request, new StudyEnvironment(Sites.Length, Features: 2, StatisticsLength: 0, ledgerFolder, TimeSpan.FromSeconds(30))
        {
            DefaultSamplingRate = () => 0.1,
        });
        var options = new CoordinatorOptions(plan, Models.Weights(0, 0, 0))
        {
            Persistence = new StudyPersistence(new FolderModelStore(state.ModelsDirectory), KeepModels: 2, SnapshotEvery: 3),
        };
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkka("persisted", akka =>
        {
            akka.WithFedHealthSerialization()
                .AddHocon("akka.actor.serialize-messages = on", HoconAddMode.Prepend)
                .WithFedHealthState(state)
                .WithFedHealthCoordinator(options);
            foreach (var (id, rows) in Sites)
            {
                akka.WithFedHealthNode(new NodeOptions(trainer, $"/user/{CoordinatorActors.RegistryName}")
                {
                    Data = ArithmeticTrainer.Site(id, rows),
                    Name = $"site-{id}",
                });
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new PersistedFederation(host, lease);
    }

    /// <summary>Starts (or resumes) the study; the task ends with its result, or fails with the reason it was refused.</summary>
    public async Task<StudyResult> RunAsync(IProgress<RoundFinished>? progress = null, StartStudy? start = null)
    {
        var study = await _host.Services.GetRequiredService<IRequiredActor<StudyActor>>().GetAsync();
        var done = new TaskCompletionSource<StudyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Services.GetRequiredService<ActorSystem>().ActorOf(StudyListener.Props(study, done, progress, start));
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts the study without waiting for it.</summary>
    public async Task StartStudyAsync()
    {
        var study = await _host.Services.GetRequiredService<IRequiredActor<StudyActor>>().GetAsync();
        var done = new TaskCompletionSource<StudyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Services.GetRequiredService<ActorSystem>().ActorOf(StudyListener.Props(study, done, progress: null));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _lease.Dispose();
    }
}
