using System.Diagnostics;
using Akka.Actor;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Reporting;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Ids;
using FedHealth.Hosting.Delivery;
using FedHealth.Hosting.Enrolment;
using FedHealth.Hosting.Remote;
using FedHealth.Simulation.InProcess;
using FedHealth.Training.Data.Preprocessing.Federated;
using FedHealth.Training.Trainer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>
/// The coordinator service: validates its configuration, listens on Akka.Remote with mutual TLS
/// only, admits the study's enrolled sites by certificate, runs the study, writes report.json and
/// privacy-ledger.json like <c>sim</c>, and exits.
/// </summary>
internal static class CoordinatorRunner
{
    public static async Task<int> RunAsync(string configPath, IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var config = ServiceConfiguration.Bind<CoordinatorConfig>(ServiceConfiguration.Build(configPath, overrides));
        ServiceConfiguration.Refuse(config.Problems());
        var settings = config.ToSettings();
        var schema = config.Schema;
        var study = StudyPlanner.Plan(
            settings,
            new StudyId(config.Study.Id),
            config.Study.Sites.Count,
            schema.Columns.Count + schema.MissingIndicators.Count,
            StatisticsEncoding.Length(schema.Columns.Count),
            defaultSamplingRate: null);
        ServiceConfiguration.Refuse(study.Validate().Select(p => "Study: " + p).ToList());
        var folder = config.Coordinator.Output!;
        StudyComposition.EnsureNewRunFolder(folder, "Coordinator:Output");
        var (strategy, accountant) = StudyComposition.Compose(study, settings.LocalSteps, folder);
        var enrolled = config.Study.Sites.ToHashSet(StringComparer.Ordinal);
        using var tls = ServiceTls.Load("Coordinator:Tls", config.Coordinator.Tls, enrolled);
        StudyComposition.Announce(study);

        var bind = config.Coordinator.Bind;
        using var host = await ServiceHost.StartAsync("Coordinator:Bind", bind, tls, cancellationToken).ConfigureAwait(false);
        await using var transfer = ServiceTransfer.StartServer(bind, config.Coordinator.Transfer.Port, tls);
        var publicHost = bind.PublicHost ?? bind.Host;
        var roundTransfer = new RoundTransfer(
            new BlobModelPublisher(transfer, publicHost, config.Coordinator.Transfer.ThresholdBytes, TimeSpan.FromMinutes(30)),
            new BlobUploadReceiver(transfer, publicHost, TimeSpan.FromMinutes(30)));

        Terminal.Err.WriteLine($"coordinator listening on {TlsRemoting.Address(bind.PublicHost ?? bind.Host, bind.Port)} (mutual TLS); waiting for {study.MinAvailableSites} of {enrolled.Count} enrolled sites");
        StudyResult result;
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var registry = system.ActorOf(
                SiteRegistryActor.Props(site => enrolled.Contains(site.Value), new CertificateEnrolmentVerifier(tls.Trust), study.FederatedStatistics is not null),
                "registry");
            var secure = study.SecureAggregation.Enabled ? SecureRoundSettings.For(study, new Dictionary<SiteId, byte[]>()) : null;
            var initial = new LocalTrainer().Initialize(study.Model, study.Seed);
            var studyActor = system.ActorOf(StudyActor.Props(study, strategy, registry, initial, accountant, secure, roundTransfer), "study");
            var done = new TaskCompletionSource<StudyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(StudyListener.Props(studyActor, done, new RoundProgress(Terminal.Err)), "study-listener");
            await using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)).ConfigureAwait(false);
            result = await done.Task.ConfigureAwait(false);
        }
        finally
        {
            Log.Information("Coordinator: TLS peers accepted {Accepted}; refused: {Refused}; transfer channel: {Transfer}", tls.Validator.Accepted, tls.RejectionSummary(), transfer.Counters);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var reportConfig = settings.ToReportConfig();
        reportConfig["study_sites"] = string.Join(",", config.Study.Sites);
        StudyComposition.AddToReportConfig(reportConfig, study);
        var report = RunReport.Build(reportConfig, result);
        report["wall_time_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        var path = ReportFile.Write(folder, report);
        Terminal.Err.WriteLine($"status: {result.Status}{(result.Reason is null ? string.Empty : " — " + result.Reason)}; report: {path}");
        return result.Status is StudyStatus.Completed or StudyStatus.BudgetExhausted ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
