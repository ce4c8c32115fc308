using Akka.Actor;
using Akka.Hosting;
using FedHealth.Coordinator.Study;
using FedHealth.Node.Agent.Replies;
using FedHealth.WebConsole.Hospital;
using FedHealth.WebConsole.Studies;

namespace FedHealth.WebConsole.Hosting;

/// <summary>
/// Akka.Hosting wiring of the consoles' read models: each starts one actor that follows the
/// EventStream. The services, <c>sim --console</c> and the specs all call these.
/// </summary>
public static class WebConsoleHostingExtensions
{
    public const string StudyBoardName = "console-studies";

    public const string HospitalBoardName = "console-site";

    public static AkkaConfigurationBuilder WithFedHealthStudyConsole(this AkkaConfigurationBuilder builder, StudyBoard board)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(board);
        return builder.WithActors((system, _) => Start(system, StudyBoardActor.Props(board), StudyBoardName, typeof(StudyOpened), typeof(RoundStarted), typeof(RoundCommitted), typeof(StudyFinished)));
    }

    public static AkkaConfigurationBuilder WithFedHealthHospitalConsole(this AkkaConfigurationBuilder builder, HospitalBoard board)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(board);
        return builder.WithActors((system, _) => Start(system, HospitalBoardActor.Props(board), HospitalBoardName, typeof(SiteMessageSent)));
    }

    /// <summary>Starts the actor and subscribes it before returning, so no event published afterwards is missed.</summary>
    private static IActorRef Start(ActorSystem system, Props props, string name, params Type[] events)
    {
        var actor = system.ActorOf(props, name);
        foreach (var type in events)
        {
            system.EventStream.Subscribe(actor, type);
        }

        return actor;
    }
}
