using Akka.Configuration;
using FedHealth.Hosting.Serialization;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Support;

/// <summary>
/// The production serializer binding plus <c>serialize-messages = on</c>, so every protocol
/// message in these specs really crosses the wire format.
/// </summary>
public abstract class ProductionWiredTestKit(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(
        ConfigurationFactory.ParseString("akka.actor.serialize-messages = on").WithFallback(SerializationConfig.Config),
        output: output);
