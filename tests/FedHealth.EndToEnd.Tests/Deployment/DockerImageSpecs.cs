using System.Text.RegularExpressions;
using System.Xml.Linq;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>deploy/docker/Dockerfile and .dockerignore: what the image is built from and how it runs.</summary>
public sealed partial class DockerImageSpecs
{
    private readonly ComposeBuild _build;
    private readonly Dockerfile _dockerfile;

    public DockerImageSpecs()
    {
        var builds = ComposeFile.Load().Services.Values.Select(s => s.Build).ToList();
        Assert.All(builds, b => Assert.NotNull(b));
        _build = builds[0]!;
        Assert.All(builds, b => Assert.Equal(_build, b));
        _dockerfile = Dockerfile.Load(_build.DockerfilePath);
    }

    [Fact]
    public void The_build_context_and_the_Dockerfile_the_compose_file_names_exist()
    {
        Assert.True(Directory.Exists(_build.ContextPath), $"the build context {_build.Context} does not exist");
        Assert.True(File.Exists(_build.DockerfilePath), $"the Dockerfile {_build.Dockerfile} does not exist");
    }

    [Fact]
    public void Every_file_the_Dockerfile_copies_is_in_the_build_context_and_not_ignored()
    {
        var ignored = IgnoredEntries().Where(e => !e.Contains('*', StringComparison.Ordinal)).Select(e => e.TrimEnd('/')).ToList();
        var sources = _dockerfile.All("COPY").Concat(_dockerfile.All("ADD")).Where(c => !c.CopiesFromAnotherStage).SelectMany(c => c.Sources).ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var path = Path.Combine(_build.ContextPath, source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the build context {_build.Context}");
            Assert.DoesNotContain(ignored, e => SimFederation.IsInside(source.TrimEnd('/'), e));
        }
    }

    [Fact]
    public void Every_project_the_published_command_references_is_copied_into_the_build()
    {
        var publish = _dockerfile.All("RUN").Select(r => PublishCommand().Match(r.Arguments)).Single(m => m.Success).Groups[1].Value;
        var copied = _dockerfile.All("COPY").Where(c => !c.CopiesFromAnotherStage).SelectMany(c => c.Sources).Select(s => s.TrimEnd('/')).ToList();
        var root = Path.Combine(_build.ContextPath, publish);
        var project = Directory.Exists(root) ? Directory.GetFiles(root, "*.csproj").Single() : root;

        foreach (var reference in ProjectsReachableFrom(project))
        {
            var path = Path.GetRelativePath(_build.ContextPath, reference);
            Assert.True(copied.Any(c => SimFederation.IsInside(path, c)), $"{path} is referenced by {publish} but no COPY brings it into the image build");
        }
    }

    [Fact]
    public void The_image_runs_fedhealth_as_a_non_root_user_on_the_dotnet_10_runtime()
    {
        var from = _dockerfile.All("FROM").Select(f => f.Words[0]).ToList();
        var user = _dockerfile.InFinalStage("USER").LastOrDefault()?.Arguments;
        var assembly = XDocument.Load(Path.Combine(Paths.RepositoryRoot, "src", "FedHealth.Cli", "FedHealth.Cli.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", from[0]);
        Assert.Equal("mcr.microsoft.com/dotnet/runtime:10.0", from[^1]);
        Assert.NotNull(user);
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.Equal(["dotnet", $"/app/{assembly}.dll"], _dockerfile.InFinalStage("ENTRYPOINT").Single().Words);
    }

    [Fact]
    public void Key_material_patient_data_and_build_output_never_enter_the_build_context()
    {
        var ignored = IgnoredEntries();
        string[] required = ["**/*.p12", "**/*.pass", "**/*.key", "**/*.csv", "**/bin/", "**/obj/", "certs/dev/", .. SimFederation.GeneratedFolders.Select(f => f + "/")];

        Assert.All(required, entry => Assert.Contains(entry, ignored));
    }

    private List<string> IgnoredEntries() =>
        [.. File.ReadAllLines(Path.Combine(_build.ContextPath, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static IEnumerable<string> ProjectsReachableFrom(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
                {
                    pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, reference.Attribute("Include")!.Value)));
                }
            }
        }

        return seen;
    }

    [GeneratedRegex(@"dotnet publish (\S+)")]
    private static partial Regex PublishCommand();
}
