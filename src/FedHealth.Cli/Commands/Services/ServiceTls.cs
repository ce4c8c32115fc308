using System.Security.Cryptography.X509Certificates;
using FedHealth.Cli.Console;
using FedHealth.Pki;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Trust;
using Serilog;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// A service's side of mutual TLS: its own certificate with the private key, and the consortium
/// trust that every peer's certificate must pass (CA, validity, revocation list re-read when it
/// changes, admitted ids). Every refusal is logged with its reason and counted.
/// </summary>
internal sealed class ServiceTls : IDisposable
{
    private ServiceTls(X509Certificate2 certificate, ConsortiumTrust trust, PeerCertificateValidator validator)
    {
        Certificate = certificate;
        Trust = trust;
        Validator = validator;
    }

    public X509Certificate2 Certificate { get; }

    public ConsortiumTrust Trust { get; }

    public PeerCertificateValidator Validator { get; }

    /// <param name="admitted">The peer ids accepted on the connection (the study's sites, or the coordinator).</param>
    /// <param name="own">Who the service's own certificate must name: the node's site id, or the coordinator role (any id).</param>
    public static ServiceTls Load(string key, TlsSection tls, IReadOnlySet<string> admitted, OwnIdentity own)
    {
        if (tls.PasswordFile is { } passwordFile)
        {
            OwnerOnly.Check($"{key}:PasswordFile", passwordFile);
        }

        var password = tls.PasswordFile is { } file ? PasswordSource.FromFile(file) : PasswordSource.FromEnvironment(tls.PasswordEnv!);
        X509Certificate2 certificate;
        try
        {
            certificate = SiteCredentials.Load(tls.Certificate!, password);
        }
        catch (PkiException ex)
        {
            throw new UserInputException($"{key}:Certificate: {ex.Message}", ex);
        }

        if (own.Problem(certificate) is { } problem)
        {
            certificate.Dispose();
            throw new UserInputException($"{key}:Certificate: {problem}.");
        }

        ConsortiumTrust trust;
        try
        {
            trust = ConsortiumTrust.Load(tls.CaCertificate!, tls.Crl!, new ConsortiumTrustOptions
            {
                Enrolled = admitted,
                EnrolledRole = own.PeerRole,
                CrlRefused = reason => Log.Warning("The changed revocation list was refused; keeping the previous one: {Reason}", reason),
            });
        }
        catch (PkiException ex)
        {
            certificate.Dispose();
            throw new UserInputException($"{key}: {ex.Message}", ex);
        }

        var validator = new PeerCertificateValidator(trust, verdict =>
        {
            if (verdict is PeerVerdict.Rejected rejected)
            {
                Log.Warning("TLS peer refused ({Reason}): {Message}", rejected.Reason, rejected.Message);
            }
            else
            {
                Log.Information("TLS peer {Verdict}", verdict);
            }
        });
        return new ServiceTls(certificate, trust, validator);
    }

    /// <summary>The rejection counters, for the log at the end.</summary>
    public string RejectionSummary() =>
        string.Join(", ", Validator.RejectionCounts().Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}")) is { Length: > 0 } text ? text : "none";

    public void Dispose()
    {
        Certificate.Dispose();
        Trust.Dispose();
    }
}
