using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Errors;

namespace FedHealth.SecureAggregation.Tests.Guards;

internal static class GuardAssert
{
    /// <summary>Asserts that <paramref name="action"/> trips <paramref name="guard"/> and leaves the client aborted.</summary>
    public static void Fires(SecAggGuard guard, SecAggClient client, Action action)
    {
        var e = Assert.Throws<SecureAggregationAbortedException>(action);
        Assert.Equal(guard, e.Guard);
        Assert.True(client.IsAborted);
        Assert.Null(client.ExpectedStage);
    }
}
