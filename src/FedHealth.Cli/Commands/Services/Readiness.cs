using System.Security.Cryptography.X509Certificates;
using Akka.Actor;

namespace FedHealth.Cli.Commands.Services;

/// <summary>What keeps a service from being ready, in words; empty when it is ready.</summary>
internal static class Readiness
{
    public static IReadOnlyList<string> Problems(ActorSystem system, X509Certificate2 certificate, int warningDays, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (system.WhenTerminated.IsCompleted)
        {
            problems.Add("actor system: terminated");
        }

        var left = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()) - now;
        if (left <= TimeSpan.FromDays(warningDays))
        {
            problems.Add($"certificate: expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC, within {warningDays} days");
        }

        return problems;
    }
}
