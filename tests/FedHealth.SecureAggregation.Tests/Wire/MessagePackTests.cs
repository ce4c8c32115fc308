using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Simulation;
using FedHealth.SecureAggregation.Tests.Support;
using MessagePack;
using MessagePack.Resolvers;

namespace FedHealth.SecureAggregation.Tests.Wire;

public sealed class MessagePackTests
{
    // The ids have no formatter of their own yet; the contractless fallback stands in for it.
    private static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithResolver(CompositeResolver.Create(StandardResolver.Instance, ContractlessStandardResolver.Instance));

    [Fact]
    public void Every_message_of_a_session_survives_MessagePack_and_the_session_still_completes()
    {
        var types = new HashSet<Type>();
        var session = Sessions.Session(6, 4, 3, dropouts: new Dictionary<Core.Ids.SiteId, SecAggStage> { [Sessions.Sites(6)[5]] = SecAggStage.MaskedInput }) with
        {
            Intercept = (_, m) => RoundTrip(m, types),
            OnCoordinatorReceives = (_, m) => RoundTrip(m, types),
        };

        var outcome = InProcessRunner.Run(session);

        Assert.NotNull(outcome.Result);
        Assert.Equal(10, types.Count);
    }

    [Fact]
    public void A_site_abort_notice_survives_MessagePack()
    {
        var notice = new SecAggSiteAborted(Sessions.Study, 3, Sessions.Sites(1)[0], SecAggStage.Unmask, "Replay", "why");

        var copy = MessagePackSerializer.Deserialize<SecAggSiteAborted>(MessagePackSerializer.Serialize(notice, Options), Options);

        Assert.Equal(notice, copy);
    }

    private static IRoundMessage RoundTrip(IRoundMessage message, HashSet<Type> types)
    {
        lock (types)
        {
            types.Add(message.GetType());
        }

        var bytes = MessagePackSerializer.Serialize(message.GetType(), message, Options);
        var copy = (IRoundMessage)MessagePackSerializer.Deserialize(message.GetType(), bytes, Options)!;
        Assert.Equal(bytes, MessagePackSerializer.Serialize(copy.GetType(), copy, Options));
        return copy;
    }
}
