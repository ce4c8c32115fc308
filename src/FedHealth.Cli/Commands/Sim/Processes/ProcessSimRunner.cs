using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Reporting;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Options;
using FedHealth.Simulation.Processes;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Synthetic;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim.Processes;

/// <summary>
/// <c>fedhealth sim --processes</c>: the same study as <c>sim</c>, run by a coordinator process and
/// one node process per site over mutual TLS on loopback (<see cref="LocalFederation"/>), with the
/// same report and summary.
/// </summary>
internal static class ProcessSimRunner
{
    private const string WorkFolderName = "federation";

    public static async Task<int> RunAsync(SimSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (settings.Dropout > 0)
        {
            throw new UserInputException("--dropout makes sites vanish inside one process; with --processes, stop a node instead (docs/simulation.md).");
        }

        var dataset = SimRunner.LoadData(settings);
        var folder = settings.Out ?? Path.Combine("runs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        RunFolder.EnsureNew(folder, "--out");
        var request = settings.Study;
        var samplingRate = request.DpMode is DpMode.Record or DpMode.Both
            ? request.SamplingRate ?? SimEnvironment.DefaultSamplingRate(request.BatchSize, dataset)
            : (double?)null;

        // The refusals of conflicting flags that sim makes, before any process starts (nothing is written).
        var planned = StudyPlanner.Plan(request, SimEnvironment.For(settings, dataset, folder));

        // A warm start is checked here (it fits this data's inputs and its weights match); the coordinator checks it again.
        string? initialModel = null;
        if (SimRunner.WarmStartWeights(settings, planned, dataset) is not null)
        {
            initialModel = Models.InitialModel.Find(settings.Init!, settings.InitFrom).ManifestPath;
        }

        var work = NewWorkFolder(folder);
        var sites = ProcessSites.For(settings, dataset, Path.Combine(work, "data"));
        var schema = FederationSchema.From(dataset, settings.IsSynthetic ? SyntheticCohortGenerator.LabelColumn : settings.Label!);
        var spec = new FederationSpec(
            FedHealthExecutable.Current(), work, sites, ProcessStudySection.Build(request, [.. sites.Select(s => s.Id)], samplingRate), schema)
        {
            Options = new FederationOptions
            {
                InitialModel = initialModel,
                CheckpointEvery = settings.CheckpointEvery,
                Timeout = Ceiling(settings),
                RegistrationTimeout = settings.RegistrationTimeout,
                LogLevel = Environment.GetEnvironmentVariable("FEDHEALTH_LOG_LEVEL") is { Length: > 0 } level ? level : "Information",
            },
        };
        Terminal.Err.MarkupLine(Markup.Escape(
            $"{sites.Count} sites, {schema.Columns.Count + schema.MissingIndicators.Count} features, {request.Rounds} rounds: a coordinator and {sites.Count} node processes over mutual TLS on 127.0.0.1 ({dataset.Description.Source})"));
        Terminal.Err.MarkupLine($"[grey]configurations, throwaway PKI and logs: {Markup.Escape(work)}[/]");

        JsonObject report;
        FederationResult? result;
        try
        {
            result = await RunFederationAsync(spec, cancellationToken).ConfigureAwait(false);
            report = result is null ? [] : ReportOf(result, spec);
        }
        catch (FederationException ex)
        {
            Terminal.Error(ex.Message);
            return ExitCodes.RunFailed;
        }

        if (result is null)
        {
            Terminal.Error("cancelled; every process was stopped");
            return ExitCodes.Cancelled;
        }

        if (report["config"] is JsonObject config)
        {
            // The coordinator never sees the data; the launcher does, as sim does.
            foreach (var (key, value) in settings.ToReportConfig())
            {
                config.TryAdd(key, value?.DeepClone());
            }

            config.TryAdd("data_summary", SimRunner.DataSummary(dataset.Description));
            config["processes"] = true;
            if (settings.Init is not null)
            {
                config["init"] = settings.Init;
            }
        }

        report["wall_time_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        var path = ReportFile.Write(folder, report);
        if (result.LedgerPath is not null)
        {
            File.Copy(result.LedgerPath, Path.Combine(folder, LocalFederation.LedgerFileName), overwrite: false);
        }

        Models.LauncherModel.Adopt(Path.GetDirectoryName(result.ReportPath)!, folder, settings, dataset, report);

        if (settings.Json)
        {
            Terminal.Results.WriteLine(report.ToJsonString(RunReport.JsonOptions));
        }
        else
        {
            SimSummary.Print(Terminal.Out, report, path);
        }

        var status = report["status"]?.GetValue<string>();
        return status is StudyStatus.Completed or StudyStatus.BudgetExhausted ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    /// <summary>Runs the federation; null when cancelled. Ctrl-C once stops every process gracefully, twice kills them.</summary>
    private static async Task<FederationResult?> RunFederationAsync(FederationSpec spec, CancellationToken cancellationToken)
    {
        var federation = LocalFederation.Prepare(spec);
        await using (federation.ConfigureAwait(false))
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
            {
                if (cancel.IsCancellationRequested)
                {
                    federation.Kill();
                    return;
                }

                e.Cancel = true;
                cancel.Cancel();
            }

            void OnProcessExit(object? sender, EventArgs e) => federation.Kill();
            System.Console.CancelKeyPress += OnCancelKey;
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            federation.Log.LineReceived += Forward;
            try
            {
                await federation.StartAsync(cancel.Token).ConfigureAwait(false);
                return await federation.WaitForCompletionAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return null;
            }
            catch (FederationException ex) when (ex.ExitCode == ExitCodes.BadInput)
            {
                throw new UserInputException(ex.Message, ex);
            }
            finally
            {
                federation.Log.LineReceived -= Forward;
                System.Console.CancelKeyPress -= OnCancelKey;
                AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            }
        }
    }

    private static JsonObject ReportOf(FederationResult result, FederationSpec spec)
    {
        if (result.TimedOut)
        {
            throw new FederationException($"The study did not end within {spec.Options.Timeout.TotalMinutes:0} minutes; every process was stopped. Logs: {Path.GetDirectoryName(result.CoordinatorLog)}");
        }

        if (result.Report is null)
        {
            var message = $"The coordinator exited with code {result.ExitCode} without writing {ReportFile.Name}; see {result.CoordinatorLog}.";
            throw result.ExitCode == ExitCodes.BadInput ? new UserInputException(message) : new FederationException(message) { ExitCode = result.ExitCode };
        }

        return result.Report;
    }

    /// <summary>The coordinator's lines and the nodes' warnings and errors go to stderr; everything is in the log files.</summary>
    private static void Forward(ProcessLine line)
    {
        var show = line.IsCoordinator
            || line.FromLauncher
            || line.Text.Contains(" WRN] ", StringComparison.Ordinal)
            || line.Text.Contains(" ERR] ", StringComparison.Ordinal)
            || line.Text.Contains(" FTL] ", StringComparison.Ordinal);
        if (show)
        {
            Terminal.Err.WriteLine($"{line.Source,-16} | {line.Text}", new Style(foreground: line.IsCoordinator ? Color.Default : Color.Grey));
        }
    }

    /// <summary>&lt;out&gt;/federation, or federation-2, -3 … when an earlier attempt left one.</summary>
    private static string NewWorkFolder(string output)
    {
        var path = Path.GetFullPath(Path.Combine(output, WorkFolderName));
        for (var n = 2; Directory.Exists(path); n++)
        {
            path = Path.GetFullPath(Path.Combine(output, $"{WorkFolderName}-{n}"));
        }

        return path;
    }

    /// <summary>A ceiling for a run that hangs: registration, then every round at its fit timeout plus the secure-aggregation stages, plus slack.</summary>
    private static TimeSpan Ceiling(SimSettings settings) =>
        settings.RegistrationTimeout
        + (settings.Study.Rounds + 1) * TimeSpan.FromSeconds(settings.Study.FitTimeoutSeconds + 6 * settings.Study.StageTimeoutSeconds)
        + TimeSpan.FromMinutes(2);
}
