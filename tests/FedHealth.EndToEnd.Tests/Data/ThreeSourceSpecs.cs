using FedHealth.Coordinator.Composition;
using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Fhir.Rest;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Data.Omop;
using FedHealth.Training.Data.Omop.Synthetic;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;
using FedHealth.Simulation.InProcess;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Data;

/// <summary>
/// Issue 16 §4: one synthetic cohort kept three ways — as CSV, as FHIR resources on a FHIR server
/// (in-test, paged) and as OMOP rows in PostgreSQL — reads to the same feature rows from every
/// connector, and a federation whose sites read one source each trains the model of the all-CSV run.
/// </summary>
public sealed class ThreeSourceSpecs(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const int Patients = 160;
    private static readonly IReadOnlyList<SyntheticFhirSite> Sites = SyntheticFhirGenerator.Generate(sites: 3, Patients, seed: 42);

    [Fact]
    public async Task Csv_fhir_and_omop_give_every_site_the_same_rows_and_one_federated_model()
    {
        var csv = Sites.Select(ReadCsv).ToList();
        var fhir = new List<RawSite>();
        var omop = new List<RawSite>();
        for (var k = 0; k < Sites.Count; k++)
        {
            using var server = new FhirTestServer(Sites[k].Bundle.Entry.Select(e => e.Resource!), maxPageSize: 64, requiredAuthorization: "Bearer site-token");
            var fromServer = await FhirServerReader.ReadAsync(new FhirServer(server.BaseUrl) { Authorization = "Bearer site-token", PageSize = 64 }, SyntheticFhirMapping.Create());
            fhir.Add(fromServer.Dataset.Sites.Single());
            var database = postgres.Load($"site_{k + 1}", SyntheticOmop.FromBundle(Sites[k].Bundle));
            var fromOmop = OmopDatasetReader.Read(database, SyntheticOmop.Cohort());
            omop.Add(fromOmop.Dataset.Sites.Single());
            Assert.Equal(Patients, fromOmop.Conformance.Patients);
            Assert.Equal(fromServer.Conformance.Features, fromOmop.Conformance.Features); // the per-feature counts of docs/data.md
        }

        for (var k = 0; k < Sites.Count; k++)
        {
            AssertSameRows(csv[k].Rows, fhir[k].Rows, $"{Sites[k].Name} from the FHIR server");
            AssertSameRows(csv[k].Rows, omop[k].Rows, $"{Sites[k].Name} from OMOP");
        }

        var allCsv = await TrainAsync([csv[0], csv[1], csv[2]]);
        var threeSources = await TrainAsync([csv[0], fhir[1], omop[2]]);

        Assert.NotEqual(allCsv.Initial, allCsv.Final);
        Assert.Equal(allCsv.Final, threeSources.Final);
    }

    private static RawSite ReadCsv(SyntheticFhirSite site)
    {
        var path = Path.Combine(FedHealthProcess.TempFolder(), $"{site.Name}.csv");
        File.WriteAllText(path, site.CsvTwin);
        return CsvDatasetLoader.Load(path, new CsvOptions("cardiac_event") { IgnoreColumns = ["patient_id"], AllowSingleClassSites = true }).Sites.Single();
    }

    private static void AssertSameRows(TabularData expected, TabularData actual, string what)
    {
        Assert.True(expected.FeatureNames.SequenceEqual(actual.FeatureNames), $"{what}: other columns");
        Assert.True(expected.Labels.SequenceEqual(actual.Labels), $"{what}: other labels");
        Assert.True(expected.Features.SequenceEqual(actual.Features), $"{what}: other feature values");
    }

    // A short federation without DP noise or masks, so that equal inputs must give equal weights.
    private static async Task<(string Initial, string Final)> TrainAsync(IReadOnlyList<RawSite> sites)
    {
        var named = sites.Select((s, k) => s with { Site = new SiteId($"site-{k + 1}") }).ToList();
        var raw = new RawDataset("three sources", "cardiac_event", null, sites[0].Rows.FeatureNames, named);
        var prepared = SiteDatasets.Prepare(raw, splitSeed: 7, testFraction: 0.25, allowSingleClassSites: true);
        var request = StudyRequest.Default with { Rounds = 3, Dp = "off", SecureAggregation = false, Normalize = "site", LocalSteps = 20, Seed = 5 };
        var environment = new StudyEnvironment(prepared.Sites.Count, prepared.Description.FeatureNames.Length, 0, FedHealthProcess.TempFolder(), TimeSpan.FromSeconds(60));
        var plan = StudyComposer.Compose(request, environment);
        var result = await InProcessFederation.RunAsync(new SimulationSpec(plan, prepared.Sites, new LocalTrainer()));
        Assert.Equal(FedHealth.Coordinator.Study.StudyStatus.Completed, result.Status);
        return (result.InitialWeights!.ContentHash(), result.FinalWeights.ContentHash());
    }
}
