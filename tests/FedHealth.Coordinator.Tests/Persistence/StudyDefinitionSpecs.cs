using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Persistence;

namespace FedHealth.Coordinator.Tests.Persistence;

public sealed class StudyDefinitionSpecs
{
    [Fact]
    public void The_same_request_has_the_same_definition_and_hash()
    {
        Assert.Equal(StudyDefinition.Of(StudyRequest.Default).Hash, StudyDefinition.Of(StudyRequest.Default with { }).Hash);
        Assert.Empty(StudyDefinition.Of(StudyRequest.Default).Differences(StudyDefinition.Of(StudyRequest.Default)));
    }

    [Fact]
    public void A_changed_setting_is_named_with_its_old_and_new_value()
    {
        var stored = StudyDefinition.Of(StudyRequest.Default with { Rounds = 8 });
        var now = StudyDefinition.Of(StudyRequest.Default with { Rounds = 12, Dp = "off" });

        Assert.NotEqual(stored.Hash, now.Hash);
        Assert.Equal(["Dp: \"record\" → \"off\"", "Rounds: 8 → 12"], stored.Differences(now));
    }

    [Fact]
    public void The_site_list_and_the_id_are_not_part_of_the_definition()
    {
        var stored = StudyDefinition.Of(StudyRequest.Default with { Sites = ["a", "b"] });

        Assert.Empty(stored.Differences(StudyDefinition.Of(StudyRequest.Default with { Sites = ["a", "b", "c"], Id = "other" })));
    }
}
