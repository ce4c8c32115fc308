using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using FedHealth.Cli.Commands.Models;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Cli.Console;
using FedHealth.Audit.Recording;
using FedHealth.Coordinator.Audit;
using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Hosting;
using FedHealth.Coordinator.Persistence;
using FedHealth.Coordinator.Reporting;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Ids;
using FedHealth.Hosting.Delivery;
using FedHealth.Hosting.Enrolment;
using FedHealth.Hosting.Persistence;
using FedHealth.Hosting.Remote;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;
using FedHealth.Training.Trainer;
using FedHealth.WebConsole.Studies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>
/// The coordinator service: validates its configuration, composes the study the one way every
/// host does (<see cref="StudyComposer"/>), listens on Akka.Remote with mutual TLS only, admits
/// the study's enrolled sites by certificate, runs the study, writes report.json and
/// privacy-ledger.json like <c>sim</c>, keeps the model with its checkpoints and card in <c>Output/model/</c>, and exits.
/// </summary>
internal static class CoordinatorRunner
{
    public static async Task<int> RunAsync(string configPath, IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var config = ServiceConfiguration.Load<CoordinatorConfig>(ServiceConfiguration.Build(configPath, overrides), c => c.Problems());
        var schema = config.Schema;
        var folder = config.Coordinator.Output!;
        var state = config.Coordinator.State.ToOptions(folder);
        using var lease = OpenState(state);
        var environment = new StudyEnvironment(
            config.Study.Sites.Length,
            schema.Columns.Count + schema.MissingIndicators.Count,
            StatisticsEncoding.Length(schema.Columns.Count),
            folder,
            TimeSpan.FromSeconds(config.Coordinator.RegistrationTimeoutSeconds));
        StudyPlan plan;
        try
        {
            plan = StudyComposer.Compose(config.Study, environment);
        }
        catch (StudyRequestException ex)
        {
            throw new UserInputException("Study: " + ex.Message, ex);
        }

        var study = plan.Options;

        // A warm start that does not fit is refused before anything listens.
        var initial = config.Coordinator.InitialModel is { } initialModel
            ? InitialModel.Weights(
                InitialModel.At(initialModel, "Coordinator:InitialModel"), study.Model,
                [.. new FeatureLayout(schema.Columns, schema.MissingIndicators).OutputNames], "Coordinator:InitialModel")
            : new LocalTrainer().Initialize(study.Model, study.Seed);
        // Study:Sites plus the sites added while it runs (fedhealth study add-site), re-read when the signed file changes.
        var configured = config.Study.Sites.ToHashSet(StringComparer.Ordinal);
        System.Security.Cryptography.X509Certificates.X509Certificate2? own = null;
        var enrolled = new EnrolledSites(configured, AddedSites.PathIn(config.Coordinator.Audit.Resolve(configPath)), () => own);
        using var tls = ServiceTls.Load("Coordinator:Tls", config.Coordinator.Tls, enrolled, OwnIdentity.Coordinator);
        own = tls.Certificate;
        StudyAnnouncement.Print(study);

        var bind = config.Coordinator.Bind;
        await using var transfer = ServiceTransfer.StartServer(bind, config.Coordinator.Transfer.Port, tls);
        var publicHost = bind.PublicHost ?? bind.Host;
        var options = new CoordinatorOptions(plan, initial)
        {
            IsEnrolled = site => enrolled.Contains(site.Value),
            Verifier = new CertificateEnrolmentVerifier(tls.Trust),
            Transfer = new RoundTransfer(
                new BlobModelPublisher(transfer, publicHost, config.Coordinator.Transfer.ThresholdBytes, TimeSpan.FromMinutes(30)),
                new BlobUploadReceiver(transfer, publicHost, TimeSpan.FromMinutes(30), UploadLimit.ForModel(study.Model.ParameterCount))),
            Persistence = new StudyPersistence(new FolderModelStore(state.ModelsDirectory), config.Coordinator.State.KeepModels),
        };
        var reportConfig = StudyDescription.ReportConfig(config.Study, study);
        reportConfig["study_sites"] = string.Join(",", config.Study.Sites);
        // The audit names the study by the same definition hash its durable state compares on resume.
        var configHash = plan.Definition!.Hash;
        using var audit = ServiceAudit.Open("Coordinator:Audit:Directory", config.Coordinator.Audit.Resolve(configPath), AuditEvent.Coordinator, tls.Certificate);
        using var console = ServiceConsole.ForStudies("Coordinator:Console", config.Coordinator.Console, config.Coordinator.Tls, tls, new StudyBoard());
        using var host = await ServiceHost.StartAsync("Coordinator:Bind", bind, tls, config.Coordinator.Metrics, akka => audit.StartFirst(akka,
                system => CoordinatorAudit.StudyCreated(system.EventStream, study.Study, configHash, study.Rounds, config.Study.Sites))
            .WithFedHealthState(state).WithFedHealthCoordinator(options), cancellationToken, console).ConfigureAwait(false);
        Log.Information("Coordinator: state in {State}", state.Describe());
        if (console is not null)
        {
            Terminal.Err.WriteLine($"console: {console.Listener.Address.Url}/");
        }

        Terminal.Err.WriteLine($"coordinator listening on {TlsRemoting.Address(publicHost, bind.Port)} (mutual TLS); waiting for {study.MinAvailableSites} of {enrolled.Count} enrolled sites");
        StudyResult result;
        var checkpoints = new Checkpoints(folder, new RoundProgress(Terminal.Err), config.Coordinator.CheckpointEvery);
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var studyActor = await host.Services.GetRequiredService<IRequiredActor<StudyActor>>().GetAsync(cancellationToken).ConfigureAwait(false);
            var done = new TaskCompletionSource<StudyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            var start = new StartStudy { RefuseFreshStart = RunFolder.HoldsRunReason(folder, "Coordinator:Output") };
            system.ActorOf(StudyListener.Props(studyActor, done, checkpoints, start), "study-listener");
            await using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)).ConfigureAwait(false);
            result = await done.Task.ConfigureAwait(false);
        }
        finally
        {
            Log.Information("Coordinator: TLS peers accepted {Accepted}; refused: {Refused}; transfer channel: {Transfer}", tls.Validator.Accepted, tls.RejectionSummary(), transfer.Counters);
            await audit.FlushAsync().ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var report = RunReport.Build(reportConfig, result);
        report["wall_time_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        var path = ReportFile.Write(folder, report);
        var model = ModelArtifacts.Save(folder, study, result, report, checkpoints, ServiceModelInputs.From(schema, result));
        Terminal.Err.WriteLine($"model: {model.ManifestPath}");
        Terminal.Err.WriteLine($"status: {result.Status}{(result.Reason is null ? string.Empty : " — " + result.Reason)}; report: {path}");
        return result.Status is StudyStatus.Completed or StudyStatus.BudgetExhausted ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    private static IDisposable OpenState(StateStoreOptions state)
    {
        try
        {
            return StateStoreCheck.Open(state);
        }
        catch (StateStoreException ex)
        {
            throw new UserInputException("Coordinator:State: " + ex.Message, ex);
        }
    }
}
