using System.Text.Json.Nodes;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Node.Policy;
using FedHealth.Simulation.Processes;
using FedHealth.Training.Trainer;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Federation.LyingCoordinator;

/// <summary>
/// One real node process (Cleveland's heart-disease rows, a strict policy of its own) registered
/// with a <see cref="LyingCoordinatorSystem"/>; each spec sends its lies in rounds of its own.
/// </summary>
public sealed class LyingCoordinatorFixture : IAsyncLifetime
{
    public const string Site = "0";
    public const string StudyName = "heart-lies";

    /// <summary>The SecAgg+ specs' study, so that their rounds do not spend <see cref="StudyName"/>'s budget.</summary>
    public const string SecureStudyName = "heart-lies-secure";

    private LocalFederation? _federation;
    private LyingCoordinatorSystem? _coordinator;

    public ModelSpec Model { get; } = ModelSpec.LogisticRegression(HeartSchema.Columns.Count + HeartSchema.MissingIndicators.Count);

    public ModelWeights Weights => new LocalTrainer().Initialize(Model, 42);

    public StudyId Study { get; } = new(StudyName);

    public string StateDirectory { get; } = Support.FedHealthProcess.TempFolder();

    internal LocalFederation Federation => _federation!;

    internal LyingCoordinatorSystem Coordinator => _coordinator!;

    public string NodeLog => File.ReadAllText(Federation.NodeLogPath(Site));

    public bool NodeIsRunning => Federation.IsNodeRunning(Site);

    public IReadOnlyList<SiteCharge> Charges() => SqliteSitePrivacyLedger.InDirectory(StateDirectory).Charges();

    /// <summary>An honest secure DP-SGD round: σ = 1, q = 0.05, 10 steps (a tiny ε).</summary>
    public FitInstruction Fit(int round, ModelWeights? weights = null) => new(
        Study, round, Model, weights ?? Weights,
        new FitConfig(OptimizerKind.Sgd, 0.01, 8, 10, 0, 42, new DpSgdConfig(1.0, 1.0, 0.05)),
        new SecureAggregationSpec(4, 1234.5, 1, 32, false));

    /// <summary>A secure round of <see cref="SecureStudyName"/> costing almost no ε (σ = 10, q = 0.01, one step).</summary>
    public FitInstruction SecureFit(int round)
    {
        var fit = Fit(round);
        return fit with { Study = new StudyId(SecureStudyName), Config = fit.Config with { LocalSteps = 1, RecordDp = new DpSgdConfig(10.0, 1.0, 0.01) } };
    }

    public async Task InitializeAsync()
    {
        var spec = Spec([HeartSite(Site, "0")], Study(rounds: 1));
        _federation = LocalFederation.Prepare(spec);
        var path = _federation.NodeConfigPath(Site);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        config["Node"]!["State"] = new JsonObject { ["Directory"] = StateDirectory };
        config["Node"]!["Privacy"] = new JsonObject
        {
            ["RequireDp"] = true,
            ["RequireSecureAggregation"] = true,
            ["MaxEpsilonPerStudy"] = 3,
            ["MaxEpsilon"] = 5,
            ["MaxAttemptsPerRound"] = 2,
            ["Studies"] = new JsonArray(StudyName, SecureStudyName),
        };
        // The scripted coordinator has no blob server: the masked inputs come inline.
        config["Node"]!["Transfer"] = new JsonObject { ["ThresholdBytes"] = 64L << 20 };
        FederationConfigs.Write(path, config);
        _coordinator = await LyingCoordinatorSystem.StartAsync(
            _federation.Pki.Coordinator, new HashSet<string>(StringComparer.Ordinal) { Site }, _federation.CoordinatorPort,
            () =>
            {
                _federation.StartNodesOnly();
                return Task.CompletedTask;
            });
    }

    public async Task DisposeAsync()
    {
        if (_federation is not null)
        {
            await _federation.DisposeAsync();
        }

        if (_coordinator is not null)
        {
            await _coordinator.DisposeAsync();
        }
    }

    /// <summary>
    /// Sends the lie, then an honest evaluation of a marker round, and returns what the node sent
    /// for the lie's round once the marker's answer is in (messages between two actors keep their
    /// order, and a refusal is sent before the node reads the marker; an answer that needs work is
    /// awaited with <paramref name="awaited"/>).
    /// </summary>
    public async Task<IReadOnlyList<IRoundMessage>> AnswersToAsync(IRoundMessage lie, int marker, Func<IReadOnlyList<IRoundMessage>, bool>? awaited = null)
    {
        Coordinator.Send(lie);
        Coordinator.Send(new EvaluateInstruction(Study, marker, Model, Weights));
        await Until(all => all.OfType<EvaluateReply>().Any(r => r.Round == marker));
        if (awaited is not null)
        {
            await Until(all => awaited(all.Where(m => m.Round == lie.Round).ToList()));
        }

        return [.. Heard().Where(m => m.Round == lie.Round)];
    }

    /// <summary>Waits until the node has sent more than <paramref name="seen"/> messages for <paramref name="round"/>, and returns the next one.</summary>
    public async Task<IRoundMessage> NextAnswerAsync(int round, int seen)
    {
        await Until(all => all.Count(m => m.Round == round) > seen);
        return Heard().Where(m => m.Round == round).ElementAt(seen);
    }

    public IReadOnlyList<IRoundMessage> Heard() => [.. Coordinator.Heard.OfType<IRoundMessage>()];

    private async Task Until(Func<IReadOnlyList<IRoundMessage>, bool> condition)
    {
        var until = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition(Heard()))
        {
            Assert.True(NodeIsRunning, "the node exited:\n" + NodeLog);
            Assert.True(DateTimeOffset.UtcNow < until, "the node did not answer within 2 minutes:\n" + NodeLog);
            await Task.Delay(100);
        }
    }
}
