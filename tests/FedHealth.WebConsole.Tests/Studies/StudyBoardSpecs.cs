using FedHealth.Coordinator.Study;
using FedHealth.WebConsole.Studies;
using FedHealth.WebConsole.Tests.Support;

namespace FedHealth.WebConsole.Tests.Studies;

public sealed class StudyBoardSpecs
{
    [Fact]
    public void An_opened_study_waits_for_its_sites_with_no_round_done()
    {
        var board = new StudyBoard();
        board.Apply(StudyEvents.Opened(rounds: 5, budget: 4.0));

        var study = Assert.Single(board.Studies());
        Assert.Equal(("sepsis-2026", StudyView.Waiting, 5, 0, 3, 4.0), (study.Study, study.State, study.RoundsPlanned, study.RoundsDone, study.MinSites, study.EpsilonBudget));
        Assert.Null(study.CurrentRound);
    }

    [Fact]
    public void A_started_round_is_running_with_the_connected_sites_counted()
    {
        var board = new StudyBoard();
        board.Apply(StudyEvents.Opened());
        board.Apply(StudyEvents.Started(1));

        var detail = board.Study("sepsis-2026")!;
        Assert.Equal((StudyView.Running, (int?)1), (detail.Study.State, detail.Study.CurrentRound));
        var round = Assert.Single(detail.Rounds);
        Assert.Equal((RoundView.Running, 3), (round.State, round.SitesConnected));
        Assert.All(detail.Sites, s => Assert.True(s.Connected));
    }

    [Fact]
    public void A_committed_round_shows_who_was_sampled_who_delivered_and_who_dropped_with_the_stage_and_reason()
    {
        var board = new StudyBoard();
        board.Apply(StudyEvents.Opened());
        board.Apply(StudyEvents.Started(1));
        board.Apply(StudyEvents.Committed(1, epsilon: 0.7, auc: 0.81));

        var detail = board.Study("sepsis-2026")!;
        var round = Assert.Single(detail.Rounds);
        Assert.Equal((RoundView.Committed, 3, 2, true, 0.81, 0.7), (round.State, round.SitesSampled, round.SitesSucceeded, round.SecureAggregation, round.Auc, round.EpsilonSite));
        Assert.Equal(new DroppedSite("hospital-c", "masked_input", "the site vanished"), Assert.Single(round.Dropped));
        Assert.Equal((1, 0.7, (int?)null), (detail.Study.RoundsDone, detail.Study.EpsilonSpent, detail.Study.CurrentRound));
        var c = detail.Sites.Single(s => s.Site == "hospital-c");
        Assert.Equal((0, 1, "masked_input: the site vanished"), (c.RoundsDelivered, c.RoundsDropped, c.LastDropReason));
        Assert.Equal(1, detail.Sites.Single(s => s.Site == "hospital-a").RoundsDelivered);
    }

    [Fact]
    public void An_aborted_round_keeps_the_privacy_spent_so_far_and_shows_its_reason()
    {
        var board = new StudyBoard();
        board.Apply(StudyEvents.Opened());
        board.Apply(StudyEvents.Committed(1, epsilon: 0.7, auc: 0.81));
        board.Apply(StudyEvents.Aborted(2));

        var detail = board.Study("sepsis-2026")!;
        Assert.Equal(RoundView.Aborted, detail.Rounds[1].State);
        Assert.Equal("too few sites delivered", detail.Rounds[1].AbortReason);
        Assert.Equal(0.7, detail.Study.EpsilonSpent);
    }

    [Fact]
    public void A_training_loss_that_was_not_measured_is_absent_rather_than_NaN()
    {
        var board = new StudyBoard();
        board.Apply(StudyEvents.Aborted(1));

        Assert.Null(board.Study("sepsis-2026")!.Rounds[0].Loss);
    }

    [Fact]
    public void A_study_first_seen_by_a_round_event_is_still_listed()
    {
        var board = new StudyBoard();
        board.Apply(StudyEvents.Started(3, rounds: 7));

        var study = Assert.Single(board.Studies());
        Assert.Equal((7, (int?)3), (study.RoundsPlanned, study.CurrentRound));
    }

    [Fact]
    public void A_finished_study_shows_how_it_ended()
    {
        var board = new StudyBoard();
        board.Apply(StudyEvents.Opened());
        board.Apply(StudyEvents.Finished(StudyStatus.Completed));

        var study = Assert.Single(board.Studies());
        Assert.Equal(StudyStatus.Completed, study.State);
        Assert.NotNull(study.FinishedAt);
    }

    [Fact]
    public void Every_change_moves_the_feed_on()
    {
        var board = new StudyBoard();
        var before = board.Feed.Version;
        board.Apply(StudyEvents.Opened());
        board.Apply(StudyEvents.Started(1));

        Assert.Equal(before + 2, board.Feed.Version);
    }

    [Fact]
    public void An_unknown_study_is_null()
    {
        Assert.Null(new StudyBoard().Study("nope"));
    }
}
