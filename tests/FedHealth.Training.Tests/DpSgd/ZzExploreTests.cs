using FedHealth.Core.Training;
using FedHealth.Privacy.Sampling;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;
using Xunit.Abstractions;

namespace FedHealth.Training.Tests.DpSgd;

public sealed class ZzExploreTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        var flamby = new CsvOptions("target") { SiteColumn = "center", SplitColumn = "flamby_split", AllowSingleClassSites = true };
        var data = SiteDatasets.FromCsv(RepositoryPaths.SharedData("heart-disease", "heart_disease_flamby.csv"), flamby);
        foreach (var centre in new[] { 0, 1, 3 })
        {
            var site = data.Sites[centre];
            var spec = ModelSpec.LogisticRegression(site.Train.Columns);
            foreach (var (opt, lr, batch, steps) in new[] { (OptimizerKind.Sgd, 0.05, 4, 300), (OptimizerKind.Sgd, 0.1, 8, 300), (OptimizerKind.Sgd, 0.2, 16, 300), (OptimizerKind.Adam, 0.01, 8, 300) })
            {
                var accs = new List<double>();
                for (var seed = 0; seed < 10; seed++)
                {
                    var s = seed;
                    var trainer = new LocalTrainer(() => SeededRandomSource.ForTest(s));
                    var q = (double)batch / site.Train.Rows;
                    var fitted = trainer.Fit(spec, trainer.Initialize(spec, 42), site.Train, new FitConfig(opt, lr, batch, steps, 0, 42, new DpSgdConfig(1.0, 1.0, q)));
                    accs.Add(trainer.Evaluate(spec, fitted.Weights, site.Test).Accuracy);
                }
                var plain = new LocalTrainer();
                var pf = plain.Fit(spec, plain.Initialize(spec, 42), site.Train, new FitConfig(opt, lr, batch, steps, 0, 42));
                output.WriteLine($"centre {centre} {opt} lr {lr} batch {batch}: min {accs.Min():F3} mean {accs.Average():F3} max {accs.Max():F3}; non-DP {plain.Evaluate(spec, pf.Weights, site.Test).Accuracy:F3}");
            }
        }
    }
}
