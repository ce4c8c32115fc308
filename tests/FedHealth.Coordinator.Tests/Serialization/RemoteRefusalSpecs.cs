using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Protocol;
using FedHealth.Hosting.Serialization;
using FedHealth.Hosting.Serialization.Validation;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Serialization;

/// <summary>
/// Invalid messages from a real remote peer: refused at the serializer, which logs once; the
/// association stays up. Akka.Remote's own per-message warnings carry the refusal as their cause,
/// which is what <see cref="FedHealth.Hosting.Logging.ProtocolRefusalLogFilter"/> keys on.
/// </summary>
public sealed class RemoteRefusalSpecs(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(RemoteConfig, "receiver", output)
{
    private static readonly Config RemoteConfig = ConfigurationFactory.ParseString("""
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = INFO
        """).WithFallback(SerializationConfig.Config);

    [Fact]
    public async Task A_flood_of_invalid_messages_is_logged_once_by_the_serializer_and_valid_messages_still_arrive()
    {
        var target = CreateTestProbe();
        var log = CreateTestProbe();
        Sys.EventStream.Subscribe(log.Ref, typeof(Warning));
        Sys.EventStream.Subscribe(log.Ref, typeof(Error));
        using var sender = ActorSystem.Create("sender", RemoteConfig);
        var address = ((ExtendedActorSystem)Sys).Provider.DefaultAddress;
        var remote = await sender.ActorSelection(target.Ref.Path.ToStringWithAddress(address)).ResolveOne(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 40; i++)
        {
            remote.Tell(new FitReply(new("s"), 1, new("a"), Models.Weights(1, 2, 3), -i - 1, 0.1, 1));
        }

        remote.Tell(new StageFailed(new("s"), 1, ProtocolStage.Fit, new("a"), "after the flood"));

        Assert.Equal("after the flood", target.ExpectMsg<StageFailed>(TimeSpan.FromSeconds(10)).Reason);
        var events = log.ReceiveWhile(TimeSpan.FromSeconds(1), m => (LogEvent)m).ToList();
        Assert.Single(events, e => e.Message.ToString()!.Contains("Refused FitReply (OutOfRange)", StringComparison.Ordinal) && e.LogSource.Contains(nameof(ProtocolSerializer), StringComparison.Ordinal));
        Assert.All(events.Where(e => e.Cause is not null), e => Assert.IsType<ProtocolViolationException>(e.Cause));
        Assert.Equal(40, events.Count(e => e.Cause is ProtocolViolationException));
        target.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
