using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Sim;

/// <summary>Every user mistake gets one clear line naming the problem, a non-zero exit and no stack trace.</summary>
public sealed class SimBadInputSpecs
{
    private const string Good = "age,chol,label\n50,200,0\n60,240,1\n55,210,0\n65,260,1\n52,205,0\n63,250,1\n58,230,0\n61,245,1\n";

    public static TheoryData<string, string[], string> Cases => new()
    {
        { "a missing file", ["--data", "/nonexistent/patients.csv", "--label", "y"], "no such file" },
        { "a missing label column", ["--data", "{csv}", "--label", "outcome"], "outcome" },
        { "a non-numeric label", ["--data", "{csv:age,label\n50,yes\n60,no\n}", "--label", "label"], "line 2" },
        { "a label that is not binary", ["--data", "{csv:age,label\n50,0\n60,2\n55,1\n}", "--label", "label"], "line 3" },
        { "a ragged row", ["--data", "{csv:age,chol,label\n50,200,0\n60,1\n}", "--label", "label"], "line 3" },
        { "an empty site", ["--data", "{csv:age,site,label\n50,,0\n60,a,1\n}", "--label", "label", "--site-column", "site"], "site" },
        { "a site with one class", ["--data", "{csv:age,site,label\n50,a,0\n60,a,0\n55,a,0\n58,a,0\n51,b,1\n52,b,0\n53,b,1\n54,b,0\n}", "--label", "label", "--site-column", "site"], "'a'" },
        { "an unknown model", ["--model", "forest"], "forest" },
        { "an unknown optimizer", ["--optimizer", "rmsprop"], "rmsprop" },
        { "zero rounds", ["--rounds", "0"], "--rounds" },
        { "negative learning rate", ["--lr", "-1"], "--lr" },
        { "a malformed partition", ["--data", "{csv}", "--label", "label", "--sites", "2", "--partition", "uniform"], "dirichlet:ALPHA" },
        { "no sites", ["--sites", "0"], "--sites must be at least 1, not 0" },
        { "a negative number of sites", ["--sites", "-3"], "--sites must be at least 1, not -3" },
        { "a million sites", ["--sites", "1000000"], "more than a study may have" },
        { "an output that is a file", ["--out", "{file}"], "is a file" },
        { "more sites than rows", ["--data", "{csv}", "--label", "label", "--sites", "50"], "50" },
        { "both local steps and epochs", ["--local-steps", "5", "--local-epochs", "1"], "not both" },
        { "an unknown split value", ["--data", "{csv:age,split,label\n50,train,0\n60,validate,1\n}", "--label", "label", "--split-column", "split"], "validate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_with_a_clear_error(string problem, string[] args, string expected)
    {
        string[] rounds = args.Contains("--rounds") ? [] : ["--rounds", "1"];
        var run = await FedHealthProcess.RunAsync(["sim", .. rounds, .. args.Select(Materialise)]);

        Assert.False(string.IsNullOrEmpty(problem));
        run.AssertRefusedWith(expected);
    }

    private static string Materialise(string arg) => arg switch
    {
        "{csv}" => FedHealthProcess.WriteCsv(Good),
        "{file}" => FedHealthProcess.WriteCsv(Good),
        _ when arg.StartsWith("{csv:", StringComparison.Ordinal) => FedHealthProcess.WriteCsv(arg[5..^1]),
        _ => arg,
    };
}
