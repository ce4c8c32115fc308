using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Reporting;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Options;
using FedHealth.Hosting.Persistence;
using FedHealth.Simulation.InProcess;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Node.SecureAggregation;
using FedHealth.Training.Trainer;
using FedHealth.WebConsole.Hosting;
using FedHealth.WebConsole.Studies;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>Loads the sites' data, runs the in-process federation and writes the report.</summary>
internal static class SimRunner
{
    public static async Task<int> RunAsync(SimSettings settings, CancellationToken cancellationToken)
    {
        await using var console = settings.ConsolePort is { } port ? await SimConsole.StartAsync(port, cancellationToken).ConfigureAwait(false) : null;
        StudyResult result;
        JsonObject report;
        string path;
        try
        {
            (result, report, path) = await ExecuteAsync(settings, new RoundProgress(Terminal.Err), cancellationToken, console?.Board).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop (SIGTERM, Ctrl-C): the committed rounds' checkpoints are already in the run folder; training stops at its
            // next step and frees its TorchSharp state before the process exits (Program).
            Terminal.Err.WriteLine("stopped on request; the rounds committed so far are checkpointed in the run folder");
            return ExitCodes.Success;
        }

        if (settings.Json)
        {
            Terminal.Results.WriteLine(report.ToJsonString(RunReport.JsonOptions));
        }
        else
        {
            SimSummary.Print(Terminal.Out, result, report, path);
        }

        if (console is not null)
        {
            await console.KeepUpAsync(cancellationToken).ConfigureAwait(false);
        }

        // Stopping at the privacy budget is the guarantee working, not a failure.
        return result.Status is StudyStatus.Completed or StudyStatus.BudgetExhausted ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    /// <summary>Runs the study and writes report.json; prints nothing on stdout.</summary>
    /// <param name="board">The console's read model, fed from the federation's EventStream; null without a console.</param>
    public static async Task<(StudyResult Result, JsonObject Report, string Path)> ExecuteAsync(
        SimSettings settings, IProgress<RoundFinished>? progress, CancellationToken cancellationToken, StudyBoard? board = null)
    {
        var clock = Stopwatch.StartNew();
        var dataset = LoadData(settings);
        var folder = settings.Out ?? Path.Combine("runs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        if (settings.StatePostgres is not null && settings.State is null)
        {
            throw new UserInputException("--state-postgres needs --state DIR too (the directory of the models).");
        }

        var state = settings.State is null ? StateStoreOptions.Memory
            : settings.StatePostgres is null ? new StateStoreOptions(StateProvider.Sqlite, settings.State)
            : new StateStoreOptions(StateProvider.PostgreSql, settings.State, settings.StatePostgres);
        if (!state.IsDurable)
        {
            RunFolder.EnsureNew(folder, "--out");
        }

        var environment = SimEnvironment.For(settings, dataset, folder);

        // Before anything is written: a stored model that does not fit is refused with nothing left behind.
        var initial = WarmStartWeights(settings, StudyPlanner.Plan(settings.Study, environment), dataset);
        var plan = StudyComposer.Compose(settings.Study, environment);
        var study = plan.Options;
        if (study.Privacy.Mode != DpMode.Off && SimEnvironment.DeltaWarning(study.Privacy.Delta, dataset) is { } warning)
        {
            Terminal.Err.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        StudyAnnouncement.Print(study, settings.Dropout);

        // Every simulated site trains on a thread-pool thread; without enough threads ready, the
        // actors' protocol replies queue behind training and miss their stage deadlines.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, dataset.Sites.Count + 8), io);
        var spec = new SimulationSpec(plan, dataset.Sites, new LocalTrainer(), new SimulatedDropout(settings.Dropout, settings.Seed))
        {
            Pooling = study.FederatedStatistics is null ? [] : dataset.Pooling,
            Observers = board is null ? null : akka => akka.WithFedHealthStudyConsole(board),
            State = state,
            Start = new StartStudy { RefuseFreshStart = RunFolder.HoldsRunReason(folder, "--out") },
            Initial = initial,
        };
        Terminal.Err.MarkupLine(
            $"[grey]{dataset.Sites.Count} sites, {dataset.Description.FeatureNames.Length} features, {study.Rounds} rounds of {Markup.Escape(plan.Strategy.Name)} ({Markup.Escape(dataset.Description.Source)})[/]");
        var checkpoints = new Models.Checkpoints(folder, progress, settings.CheckpointEvery);
        var result = await InProcessFederation.RunAsync(spec, checkpoints, cancellationToken).ConfigureAwait(false);

        var config = ReportConfig(settings, study);
        config["data_summary"] = DataSummary(dataset.Description);
        var report = RunReport.Build(config, result);
        report["wall_time_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        var path = ReportFile.Write(folder, report);
        Models.ModelArtifacts.Save(folder, study, result, report, checkpoints, Models.SimModelInputs.From(study, result, dataset, settings));
        return (result, report, path);
    }

    /// <summary>With <c>--init</c>: the stored model's weights, once they fit this study's model and inputs.</summary>
    internal static Core.Weights.ModelWeights? WarmStartWeights(SimSettings settings, StudyOptions study, PreparedDataset dataset)
    {
        if (settings.Init is not { } id)
        {
            return null;
        }

        var model = Models.InitialModel.Find(id, settings.InitFrom);
        IReadOnlyList<string> inputs = dataset.Pooling.Count > 0 ? dataset.Pooling[0].Layout.OutputNames : dataset.Description.FeatureNames;
        var weights = Models.InitialModel.Weights(model, study.Model, inputs, "--init");
        Terminal.Err.MarkupLine($"[grey]warm start from model {Markup.Escape(model.Id[..12])} ({Markup.Escape(model.RunFolder)})[/]");
        return weights;
    }

    internal static PreparedDataset LoadData(SimSettings settings)
    {
        if (settings.Sites is { } sites && SimSizing.Check(sites, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is { } warning)
        {
            Terminal.Err.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        if (settings.IsSynthetic)
        {
            if (settings.Label is not null || settings.SiteColumn is not null || settings.SplitColumn is not null || settings.DirichletAlpha is not null)
            {
                throw new UserInputException("--label, --site-column, --split-column and --partition apply to a CSV file, not to --data synthetic.");
            }

            return SiteDatasets.Synthetic(settings.Seed, settings.Sites ?? 4);
        }

        if (!File.Exists(settings.Data))
        {
            throw new UserInputException($"--data: no such file '{settings.Data}' (use a CSV path or 'synthetic').");
        }

        if (settings.Label is null)
        {
            throw new UserInputException("--label is required with a CSV file: name the binary (0/1) label column.");
        }

        if (settings.SiteColumn is not null && (settings.Sites is not null || settings.DirichletAlpha is not null))
        {
            throw new UserInputException("--sites and --partition split a file without a site column; this file's sites come from --site-column.");
        }

        var options = new CsvOptions(settings.Label)
        {
            SiteColumn = settings.SiteColumn,
            SplitColumn = settings.SplitColumn,
            CategoricalColumns = settings.CategoricalColumns,
        };
        return SiteDatasets.FromCsv(settings.Data, options, settings.Seed, settings.TestFraction, settings.Sites, settings.DirichletAlpha);
    }

    /// <summary>report.json's <c>config</c>: the data flags, then the study as asked and as planned.</summary>
    internal static JsonObject ReportConfig(SimSettings settings, StudyOptions study)
    {
        var config = settings.ToReportConfig();
        if (settings.Init is not null)
        {
            // Only when given, so a fresh study's report keeps its shape.
            config["init"] = settings.Init;
        }

        foreach (var (key, value) in StudyDescription.ReportConfig(settings.Study, study))
        {
            config[key] = value?.DeepClone();
        }

        return config;
    }

    internal static JsonObject DataSummary(DatasetDescription description)
    {
        var sites = new JsonObject();
        foreach (var site in description.Sites)
        {
            sites[site.Site.Value] = new JsonObject
            {
                ["n_train"] = site.TrainRows,
                ["n_test"] = site.TestRows,
                ["train_prevalence"] = Math.Round(site.TrainPrevalence, 4),
            };
        }

        return new JsonObject
        {
            // The coordinator of a real study never sees these counts: only the simulator read the data.
            ["released"] = Released.LocalOnly,
            ["source"] = description.Source,
            ["features"] = new JsonArray(description.FeatureNames.Select(f => (JsonNode?)f).ToArray()),
            ["sites"] = sites,
        };
    }
}
