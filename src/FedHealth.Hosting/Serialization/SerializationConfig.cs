using Akka.Configuration;

namespace FedHealth.Hosting.Serialization;

/// <summary>Binds every protocol message to <see cref="ProtocolSerializer"/>: the one place that says so.</summary>
public static class SerializationConfig
{
    public const string Hocon = """
        akka.actor {
          serializers { fedhealth = "FedHealth.Hosting.Serialization.ProtocolSerializer, FedHealth.Hosting" }
          serialization-bindings { "FedHealth.Core.Protocol.IProtocolMessage, FedHealth.Core" = fedhealth }
          serialization-identifiers { "FedHealth.Hosting.Serialization.ProtocolSerializer, FedHealth.Hosting" = 7311 }
        }
        """;

    public static Config Config => ConfigurationFactory.ParseString(Hocon);
}
