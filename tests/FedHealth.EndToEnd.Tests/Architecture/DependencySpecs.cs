using System.Reflection;
using NetArchTest.Rules;

namespace FedHealth.EndToEnd.Tests.Architecture;

/// <summary>The arrows of docs/architecture.md: each project may use only those below it.</summary>
public sealed class DependencySpecs
{
    public static TheoryData<string, string[]> Forbidden => new()
    {
        { "FedHealth.Core", ["FedHealth.Crypto", "FedHealth.SecureAggregation", "FedHealth.Privacy", "FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "Akka", "TorchSharp", "Org.BouncyCastle", "Serilog"] },
        { "FedHealth.Crypto", ["FedHealth.SecureAggregation", "FedHealth.Privacy", "FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "Akka", "TorchSharp"] },
        { "FedHealth.SecureAggregation", ["FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "Akka", "TorchSharp", "Org.BouncyCastle"] },
        { "FedHealth.Privacy", ["FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "Akka", "TorchSharp", "Org.BouncyCastle"] },
        { "FedHealth.Training", ["FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "Akka", "Org.BouncyCastle"] },
        { "FedHealth.Coordinator", ["FedHealth.Training", "FedHealth.Node", "FedHealth.Hosting", "TorchSharp", "Org.BouncyCastle"] },
        { "FedHealth.Node", ["FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Hosting", "TorchSharp", "Org.BouncyCastle"] },
        { "FedHealth.Hosting", ["FedHealth.Training", "TorchSharp"] },
        { "FedHealth.Models", ["FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "FedHealth.Crypto", "Akka", "TorchSharp", "Org.BouncyCastle"] },
        { "FedHealth.Pki", ["FedHealth.Crypto", "FedHealth.SecureAggregation", "FedHealth.Privacy", "FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "Akka", "TorchSharp", "Org.BouncyCastle", "Serilog"] },
        { "FedHealth.Transfer", ["FedHealth.Crypto", "FedHealth.SecureAggregation", "FedHealth.Privacy", "FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "Akka", "TorchSharp", "Org.BouncyCastle", "Serilog"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_project_depends_only_on_the_layers_below_it(string project, string[] forbidden)
    {
        var assembly = Assembly.Load(project);

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{project} must not use {string.Join(", ", forbidden)}; offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Only_the_training_project_touches_TorchSharp_and_only_crypto_touches_BouncyCastle()
    {
        var projects = new[] { "FedHealth.Core", "FedHealth.Crypto", "FedHealth.SecureAggregation", "FedHealth.Privacy", "FedHealth.Training", "FedHealth.Coordinator", "FedHealth.Node", "FedHealth.Hosting", "FedHealth.Pki", "FedHealth.Transfer", "FedHealth.Models", "FedHealth.Simulation", "fedhealth" };

        foreach (var project in projects)
        {
            var references = Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name).ToList();
            if (project != "FedHealth.Training")
            {
                Assert.DoesNotContain("TorchSharp", references);
            }

            if (project != "FedHealth.Crypto")
            {
                Assert.DoesNotContain("BouncyCastle.Cryptography", references);
            }
        }
    }
}
