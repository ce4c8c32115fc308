using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Architecture;

/// <summary>
/// The arrows of docs/architecture.md, as an allow-list read from its table: a project may reference
/// (in its .csproj) and use (in its compiled assembly) only the FedHealth projects its row names.
/// </summary>
public sealed partial class DependencySpecs
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> Table = new(ReadTable);

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Table.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(project);
        }

        return data;
    }

    [Fact]
    public void Every_project_of_the_solution_has_a_row_in_the_table()
    {
        var projects = ProjectFiles().Keys.Where(p => !p.EndsWith(".Tests", StringComparison.Ordinal)).ToHashSet();

        Assert.Empty(projects.Except(Table.Value.Keys));
        Assert.Empty(Table.Value.Keys.Except(projects));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_the_projects_its_row_allows(string project)
    {
        var references = XDocument.Load(ProjectFiles()[project])
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))
            .ToList();

        var unexpected = references.Where(r => !Table.Value[project].Contains(r)).ToList();

        Assert.True(unexpected.Count == 0, $"{project} references {string.Join(", ", unexpected)}, which docs/architecture.md does not allow it: add the arrow to the table (with why) or remove the reference.");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_uses_only_the_projects_its_row_allows(string project)
    {
        var used = Assembly.Load(AssemblyName(project)).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("FedHealth.", StringComparison.Ordinal))
            .ToList();

        var unexpected = used.Where(name => !Table.Value[project].Contains(name)).ToList();

        Assert.True(unexpected.Count == 0, $"{project} uses {string.Join(", ", unexpected)}, which docs/architecture.md does not allow it.");
    }

    [Fact]
    public void Only_the_training_project_touches_TorchSharp_and_only_crypto_touches_BouncyCastle()
    {
        foreach (var project in Table.Value.Keys)
        {
            var references = Assembly.Load(AssemblyName(project)).GetReferencedAssemblies().Select(a => a.Name).ToList();
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

    [Fact]
    public void The_coordinator_never_uses_training_or_the_node_and_the_node_never_the_coordinator()
    {
        Assert.DoesNotContain("FedHealth.Training", Table.Value["FedHealth.Coordinator"]);
        Assert.DoesNotContain("FedHealth.Node", Table.Value["FedHealth.Coordinator"]);
        Assert.DoesNotContain("FedHealth.Coordinator", Table.Value["FedHealth.Node"]);
        Assert.DoesNotContain("FedHealth.Training", Table.Value["FedHealth.Node"]);
    }

    /// <summary>The CLI's assembly is named after its command.</summary>
    private static string AssemblyName(string project) => project == "FedHealth.Cli" ? "fedhealth" : project;

    private static IReadOnlyDictionary<string, string> ProjectFiles() =>
        new[] { "src", "sim" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Paths.RepositoryRoot, folder), "*.csproj", SearchOption.AllDirectories))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => p, StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> ReadTable()
    {
        var rows = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Paths.RepositoryRoot, "docs", "architecture.md")))
        {
            var cells = line.Split('|');
            if (cells.Length < 5 || RowProject().Match(cells[1]) is not { Success: true } project)
            {
                continue;
            }

            rows[project.Groups[1].Value] = AllowedName().Matches(cells[3]).Select(m => "FedHealth." + m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        }

        Assert.True(rows.Count >= 10, "docs/architecture.md has lost its dependency table.");
        return rows;
    }

    [GeneratedRegex(@"^\s*`(?:sim/)?(FedHealth\.[A-Za-z]+)`\s*$")]
    private static partial Regex RowProject();

    [GeneratedRegex(@"`([A-Z][A-Za-z]+)`")]
    private static partial Regex AllowedName();
}
