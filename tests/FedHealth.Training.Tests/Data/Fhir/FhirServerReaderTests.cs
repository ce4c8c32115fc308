using System.Net;
using System.Net.Sockets;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Rest;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Tests.Support;
using static FedHealth.Training.Tests.Data.Fhir.FhirSamples;

namespace FedHealth.Training.Tests.Data.Fhir;

/// <summary>Reading a site from a FHIR server (an in-test server on a loopback port, with paging).</summary>
public sealed class FhirServerReaderTests
{
    private static readonly SyntheticFhirSite Site = SyntheticFhirGenerator.Generate(sites: 3, patients: 90, seed: 11)[1];
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Paged_searches_give_the_same_rows_as_the_sites_bundle()
    {
        using var server = new FhirTestServer(Site.Bundle.Entry.Select(e => e.Resource!), maxPageSize: 25);

        var fromServer = (await FhirServerReader.ReadAsync(new FhirServer(server.BaseUrl) { PageSize = 40 }, Mapping)).Dataset.Sites.Single().Rows;
        var resources = Site.Bundle.Entry.Select(e => new SourcedResource(Site.Name, e.Resource!)).ToList();
        var fromBundle = FhirDatasetReader.Read(Site.Name, resources, Mapping).Dataset.Sites.Single().Rows;

        Assert.Equal(fromBundle.Labels, fromServer.Labels);
        Assert.Equal(fromBundle.Features, fromServer.Features);
        Assert.Equal(4, server.Requests.Count(r => r.StartsWith("/fhir/Patient", StringComparison.Ordinal))); // 90 patients, 25 a page
        Assert.All(server.Requests.Where(r => r.StartsWith("/fhir/Observation", StringComparison.Ordinal)), r => Assert.Contains("code=", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_configured_authorization_is_sent_and_a_refusal_names_the_status_but_not_the_token()
    {
        using var server = new FhirTestServer([Patient("p1")], requiredAuthorization: "Bearer t0ken-42");

        var read = await FhirServerReader.ReadAsync(new FhirServer(server.BaseUrl) { Authorization = "Bearer t0ken-42" }, Mapping, strict: false);
        var error = await Assert.ThrowsAsync<DataValidationException>(
            () => FhirServerReader.ReadAsync(new FhirServer(server.BaseUrl) { Authorization = "Bearer wrong-token" }, Mapping, strict: false));

        Assert.Equal(1, read.Conformance.Patients);
        Assert.Contains("answered 401 Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the server's credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_fails_for_a_while_is_retried_and_one_that_keeps_failing_is_named()
    {
        using var flaky = new FhirTestServer([Patient("p1")], failFirst: 2);
        using var broken = new FhirTestServer([Patient("p1")], failFirst: 100);

        var read = await FhirServerReader.ReadAsync(new FhirServer(flaky.BaseUrl) { Retries = 2, RetryDelay = Quick }, Mapping, strict: false);
        var error = await Assert.ThrowsAsync<DataValidationException>(
            () => FhirServerReader.ReadAsync(new FhirServer(broken.BaseUrl) { Retries = 2, RetryDelay = Quick }, Mapping, strict: false));

        Assert.Equal(1, read.Conformance.Patients);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, broken.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_after_its_retries()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/fhir/");

        var error = await Assert.ThrowsAsync<DataValidationException>(
            () => FhirServerReader.ReadAsync(new FhirServer(url) { Timeout = TimeSpan.FromMilliseconds(200), Retries = 1, RetryDelay = Quick }, Mapping));

        Assert.Contains("Cannot reach the FHIR server", error.Message, StringComparison.Ordinal);
        Assert.Contains("No answer within 0.2 s (2 attempts)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_link_to_another_server_is_refused_so_the_credentials_stay_home()
    {
        var patients = Enumerable.Range(0, 5).Select(i => (Hl7.Fhir.Model.Resource)Patient($"p{i}")).ToList();
        using var server = new FhirTestServer(patients, maxPageSize: 2)
        {
            NextLink = link => new UriBuilder(link) { Host = "127.0.0.2" }.Uri,
        };

        var error = await Assert.ThrowsAsync<DataValidationException>(
            () => FhirServerReader.ReadAsync(new FhirServer(server.BaseUrl) { Authorization = "Bearer t" }, Mapping, strict: false));

        Assert.Contains("Patient search, page 1 links its next page to http://127.0.0.2", error.Message, StringComparison.Ordinal);
        Assert.Contains("another server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_of_another_fhir_version_is_refused()
    {
        using var server = new FhirTestServer([Patient("p1")]) { FhirVersion = "3.0.1" };

        var error = await Assert.ThrowsAsync<DataValidationException>(() => FhirServerReader.ReadAsync(new FhirServer(server.BaseUrl), Mapping, strict: false));

        Assert.Contains("not a FHIR R4 server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_are_never_sent_over_plain_http_to_another_machine()
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(
            () => FhirServerReader.ReadAsync(new FhirServer(new Uri("http://fhir.hospital.example/r4/")) { Authorization = "Bearer t" }, Mapping));

        Assert.Contains("only over https", error.Message, StringComparison.Ordinal);
    }
}
