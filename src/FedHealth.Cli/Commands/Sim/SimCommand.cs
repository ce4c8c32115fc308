using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FedHealth.Cli.Commands.Sim.Processes;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Strategies;

namespace FedHealth.Cli.Commands.Sim;

/// <summary><c>fedhealth sim</c>: a whole federation of simulated hospitals in one process.</summary>
internal static class SimCommand
{
    private static StudyRequest Defaults => StudyRequest.Default;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "'synthetic' (built-in seeded cohort) or the path of a CSV file", DefaultValueFactory = _ => SimSettings.SyntheticData };
        var label = new Option<string?>("--label") { Description = "CSV: the binary (0/1) label column" };
        var siteColumn = new Option<string?>("--site-column") { Description = "CSV: the column that names each row's site" };
        var splitColumn = new Option<string?>("--split-column") { Description = "CSV: the column with train/test per row" };
        var categorical = new Option<string[]>("--categorical") { Description = "CSV: columns to one-hot even though they are numeric codes", AllowMultipleArgumentsPerToken = true };
        var sites = new Option<int?>("--sites") { Description = "Number of sites: for synthetic data, or to partition a CSV that has no site column" };
        var partition = new Option<double?>("--partition")
        {
            Description = "How to split a CSV without a site column: dirichlet:ALPHA (label skew; smaller is more skewed)",
            CustomParser = ParseDirichlet,
        };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of each site's rows held out for testing when there is no split column", DefaultValueFactory = _ => 0.25 };
        var rounds = new Option<int>("--rounds") { Description = "Federated rounds", DefaultValueFactory = _ => Defaults.Rounds };
        var model = new Option<string>("--model") { Description = "logreg or mlp", DefaultValueFactory = _ => Defaults.Model };
        model.AcceptOnlyFromAmong("logreg", "mlp");
        var hidden = new Option<string>("--hidden") { Description = "MLP hidden layer sizes, e.g. 32,16", DefaultValueFactory = _ => string.Join(",", Defaults.HiddenLayers) };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd or adam", DefaultValueFactory = _ => Defaults.Optimizer };
        optimizer.AcceptOnlyFromAmong("sgd", "adam");
        var lr = new Option<double>("--lr") { Description = "Local learning rate", DefaultValueFactory = _ => Defaults.LearningRate };
        var localSteps = new Option<int?>("--local-steps") { Description = $"Local mini-batch steps per round (default {StudyRequest.DefaultLocalSteps} unless --local-epochs is given)" };
        var localEpochs = new Option<int?>("--local-epochs") { Description = "Local passes over the training rows per round (instead of --local-steps)" };
        var batchSize = new Option<int>("--batch-size") { Description = "Local mini-batch size", DefaultValueFactory = _ => Defaults.BatchSize };
        var fractionFit = new Option<double>("--fraction-fit") { Description = "Share of sites sampled for training each round", DefaultValueFactory = _ => Defaults.FractionFit };
        var minFitSites = new Option<int?>("--min-fit-sites") { Description = "Fewest successful sites for a round to update the model (default: all sampled sites minus one, at least 1)" };
        var fitTimeout = new Option<double?>("--fit-timeout") { Description = $"Seconds a site may take to train in a round (default {Defaults.FitTimeoutSeconds}; 10 with --dropout, so vanished sites do not stall the simulation)" };
        var stageTimeout = new Option<double>("--stage-timeout") { Description = "Seconds each secure-aggregation stage waits for the sites", DefaultValueFactory = _ => Defaults.StageTimeoutSeconds };
        var dp = new Option<string>("--dp") { Description = "Differential privacy: off, record (DP-SGD at each site), site (clipped updates + Gaussian noise on the sum) or both", DefaultValueFactory = _ => Defaults.Dp };
        dp.AcceptOnlyFromAmong("off", "record", "site", "both");
        var targetEpsilon = new Option<double?>("--target-epsilon") { Description = $"Calibrate the noise so the whole run spends at most this ε per enabled scope (default {StudyRequest.DefaultEpsilon} unless --noise-multiplier is given)" };
        var delta = new Option<double>("--delta") { Description = "δ of the (ε, δ) guarantee; keep it below 1/n of the largest site", DefaultValueFactory = _ => Defaults.Delta };
        var noiseMultiplier = new Option<double?>("--noise-multiplier") { Description = "Use this noise multiplier σ instead of calibrating to --target-epsilon" };
        var clip = new Option<string>("--clip") { Description = "L2 clipping norm C: per-example gradients (record) and whole updates (site); or 'adaptive' (site-level: track the median update norm, starting at 1)", DefaultValueFactory = _ => Defaults.Clip };
        var samplingRate = new Option<double?>("--sampling-rate") { Description = "DP-SGD Poisson sampling rate q (default: --batch-size over the median site's training rows)" };
        var maxEpsilon = new Option<double?>("--max-epsilon") { Description = "Hard privacy budget: no round starts that would exceed it (default: --target-epsilon)" };
        var secure = new Option<string?>("--secure-aggregation") { Description = "on or off (default: on with at least 3 sites; site-level DP then adds distributed noise at the sites)" };
        secure.AcceptOnlyFromAmong("on", "off");
        var normalize = new Option<string?>("--normalize") { Description = "site (each site standardises with its own statistics) or federated (pooled statistics by secure aggregation before round 1; the default with secure aggregation)" };
        normalize.AcceptOnlyFromAmong("site", "federated");
        var dropout = new Option<double>("--dropout") { Description = "Simulation: probability that a site vanishes at a random stage of each round", DefaultValueFactory = _ => 0.0 };
        dropout.Validators.Add(r =>
        {
            var p = r.GetValueOrDefault<double>();
            if (!(p >= 0 && p < 1))
            {
                r.AddError($"--dropout must be in [0, 1) (got {p.ToString(CultureInfo.InvariantCulture)}).");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed for data, initialisation, sampling and local training order", DefaultValueFactory = _ => Defaults.Seed };
        var output = new Option<string?>("--out") { Description = "Folder for report.json (default runs/<timestamp>/)" };
        var state = new Option<string?>("--state") { Description = "Keep the study's state (journal, snapshots, models) in this directory: run again with the same flags to resume it after a crash (docs/durability.md)" };
        var statePostgres = new Option<string?>("--state-postgres") { Description = "With --state: keep the journal in PostgreSQL (an Npgsql connection string); the models stay in the --state directory" };
        var json = new Option<bool>("--json") { Description = "Print report.json on stdout and nothing else there" };
        var strategy = new Option<string>("--strategy")
        {
            Description = $"Aggregation strategy: {string.Join(", ", StrategyCatalog.Names)} (docs/strategies.md)",
            DefaultValueFactory = _ => Defaults.Strategy,
        };
        strategy.AcceptOnlyFromAmong([.. StrategyCatalog.Names]);
        var serverLr = new Option<double?>("--server-lr") { Description = "fedavgm, fedadam, fedyogi, fedadagrad: the server learning rate η (default 1 for fedavgm, 0.1 for the adaptive ones)" };
        var beta1 = new Option<double?>("--beta1") { Description = "fedadam, fedyogi, fedadagrad: β1 (default 0.9)" };
        var beta2 = new Option<double?>("--beta2") { Description = "fedadam, fedyogi: β2 (default 0.99)" };
        var tau = new Option<double?>("--tau") { Description = "fedadam, fedyogi, fedadagrad: the adaptivity τ (default 0.001)" };
        var momentum = new Option<double?>("--momentum") { Description = "fedavgm: the server momentum β (default 0.9)" };
        var proximalMu = new Option<double?>("--proximal-mu") { Description = "fedprox: the proximal term μ in local training (default 0.01)" };
        var trimBeta = new Option<double?>("--trim-beta") { Description = "trimmed-mean: the fraction trimmed from each side (default 0.2)" };
        var byzantine = new Option<int?>("--byzantine") { Description = "krum, multi-krum: the number f of sites that may be Byzantine (default 1)" };
        var console = new Option<int?>("--console")
        {
            Description = $"Serve the consortium console at http://127.0.0.1:PORT/ (default {SimSettings.DefaultConsolePort}) while the study runs, and keep it up afterwards until Ctrl-C (docs/console.md)",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "PORT",
        };
        var description = new Option<string?>("--description") { Description = "What the study is for (the model card's intended use)" };
        var intendedUse = new Option<string?>("--intended-use") { Description = "Who may use the model, for what decisions (the model card)" };
        var limitations = new Option<string?>("--limitations") { Description = "Known limitations of the model (the model card)" };
        var init = new Option<string?>("--init") { Description = "Start from this stored model (id or prefix, see 'fedhealth models list') instead of fresh weights" };
        var initFrom = new Option<string?>("--init-from") { Description = "Where --init looks: a run folder or a folder of runs (default runs/)" };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Keep the global model of every N-th committed round in model/checkpoints/", DefaultValueFactory = _ => 1 };
        var processes = new Option<bool>("--processes") { Description = "Run the coordinator and each site as separate fedhealth processes over mutual TLS on loopback, with a throwaway PKI" };

        Positive(rounds, "rounds");
        Positive(batchSize, "batch size");
        Positive(checkpointEvery, "checkpoint interval");
        Between(testFraction, "test fraction", 0, 1, inclusiveUpper: false);
        Between(fractionFit, "fraction of sites", 0, 1, inclusiveUpper: true);
        lr.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var v && (!(v > 0) || double.IsInfinity(v)))
            {
                r.AddError($"--lr must be a positive number (got {v.ToString(CultureInfo.InvariantCulture)}).");
            }
        });

        var command = new Command("sim", "Train a federation of simulated hospitals end to end and write report.json")
        {
            data, label, siteColumn, splitColumn, categorical, sites, partition, testFraction, rounds, model, hidden,
            optimizer, lr, localSteps, localEpochs, batchSize, fractionFit, minFitSites, fitTimeout,
            dp, targetEpsilon, delta, noiseMultiplier, clip, samplingRate, maxEpsilon, secure, normalize, dropout, stageTimeout, seed, output, state, statePostgres, json, processes, console,
            strategy, serverLr, beta1, beta2, tau, momentum, proximalMu, trimBeta, byzantine, init, initFrom, checkpointEvery,
            description, intendedUse, limitations,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async ct =>
        {
            var steps = parse.GetValue(localSteps);
            var epochs = parse.GetValue(localEpochs);
            if (steps is not null && epochs is not null)
            {
                throw new UserInputException("give either --local-steps or --local-epochs, not both.");
            }

            if (steps is <= 0 || epochs is <= 0)
            {
                throw new UserInputException("--local-steps and --local-epochs must be at least 1.");
            }

            var fitSeconds = parse.GetValue(fitTimeout);
            var study = Defaults with
            {
                Id = $"sim-{parse.GetValue(seed)}",
                Description = parse.GetValue(description),
                IntendedUse = parse.GetValue(intendedUse),
                Limitations = parse.GetValue(limitations),
                Rounds = parse.GetValue(rounds),
                Model = parse.GetValue(model)!,
                Hidden = [.. ParseHidden(parse.GetValue(hidden)!)],
                Optimizer = parse.GetValue(optimizer)!,
                LearningRate = parse.GetValue(lr),
                LocalSteps = steps,
                LocalEpochs = epochs,
                BatchSize = parse.GetValue(batchSize),
                FractionFit = parse.GetValue(fractionFit),
                MinFitSites = parse.GetValue(minFitSites),
                FitTimeoutSeconds = fitSeconds ?? (parse.GetValue(dropout) > 0 ? 10 : Defaults.FitTimeoutSeconds),
                StageTimeoutSeconds = parse.GetValue(stageTimeout),
                Dp = parse.GetValue(dp)!,
                TargetEpsilon = parse.GetValue(targetEpsilon),
                Delta = parse.GetValue(delta),
                NoiseMultiplier = parse.GetValue(noiseMultiplier),
                Clip = CheckClip(parse.GetValue(clip)!),
                SamplingRate = parse.GetValue(samplingRate),
                MaxEpsilon = parse.GetValue(maxEpsilon),
                SecureAggregation = parse.GetValue(secure) switch { "on" => true, "off" => false, _ => null },
                Normalize = parse.GetValue(normalize),
                Seed = parse.GetValue(seed),
                Strategy = parse.GetValue(strategy)!,
                ServerLearningRate = parse.GetValue(serverLr),
                Beta1 = parse.GetValue(beta1),
                Beta2 = parse.GetValue(beta2),
                Tau = parse.GetValue(tau),
                Momentum = parse.GetValue(momentum),
                ProximalMu = parse.GetValue(proximalMu),
                TrimBeta = parse.GetValue(trimBeta),
                Byzantine = parse.GetValue(byzantine),
            };
            var settings = new SimSettings
            {
                Study = study,
                Data = parse.GetValue(data)!,
                Label = parse.GetValue(label),
                SiteColumn = parse.GetValue(siteColumn),
                SplitColumn = parse.GetValue(splitColumn),
                CategoricalColumns = parse.GetValue(categorical) ?? [],
                Sites = parse.GetValue(sites),
                DirichletAlpha = parse.GetValue(partition),
                TestFraction = parse.GetValue(testFraction),
                Dropout = parse.GetValue(dropout),
                Out = parse.GetValue(output),
                State = parse.GetValue(state),
                StatePostgres = parse.GetValue(statePostgres),
                Json = parse.GetValue(json),
                Processes = parse.GetValue(processes),
                ConsolePort = parse.GetResult(console) is null ? null : parse.GetValue(console) ?? SimSettings.DefaultConsolePort,
                Init = parse.GetValue(init),
                InitFrom = parse.GetValue(initFrom),
                CheckpointEvery = parse.GetValue(checkpointEvery),
            };

            if (settings.Processes && settings.ConsolePort is not null)
            {
                throw new UserInputException("--console serves the in-process simulation; with --processes, the coordinator's own console is Coordinator:Console:Url (docs/console.md).");
            }

            if (settings.Processes)
            {
                return await ProcessSimRunner.RunAsync(settings, ct).ConfigureAwait(false);
            }

            return await SimRunner.RunAsync(settings, ct).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    private static double? ParseDirichlet(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        const string prefix = "dirichlet:";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) &&
            double.TryParse(text[prefix.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var alpha) &&
            alpha > 0 && double.IsFinite(alpha))
        {
            return alpha;
        }

        result.AddError($"--partition must look like dirichlet:ALPHA with ALPHA > 0, e.g. dirichlet:0.5 (got '{text}').");
        return null;
    }

    private static string CheckClip(string text)
    {
        if (text.Equals("adaptive", StringComparison.OrdinalIgnoreCase)
            || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var clip) && clip > 0 && double.IsFinite(clip)))
        {
            return text;
        }

        throw new UserInputException($"--clip takes a positive number or 'adaptive' (got '{text}').");
    }

    private static IReadOnlyList<int> ParseHidden(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw new UserInputException($"--hidden takes positive layer sizes separated by commas, e.g. 32,16 (got '{text}').");
            }

            sizes.Add(size);
        }

        if (sizes.Count == 0)
        {
            throw new UserInputException("--hidden needs at least one layer size.");
        }

        return sizes;
    }

    private static void Positive(Option<int> option, string what) =>
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value <= 0)
            {
                r.AddError($"{option.Name} must be at least 1 ({what}; got {value}).");
            }
        });

    private static void Between(Option<double> option, string what, double lower, double upper, bool inclusiveUpper) =>
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<double>();
            if (!(value > lower) || (inclusiveUpper ? value > upper : value >= upper))
            {
                var bracket = inclusiveUpper ? "]" : ")";
                r.AddError($"{option.Name} must be in ({lower}, {upper}{bracket} ({what}; got {value.ToString(CultureInfo.InvariantCulture)}).");
            }
        });
}
