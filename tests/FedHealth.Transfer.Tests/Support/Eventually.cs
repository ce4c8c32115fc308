namespace FedHealth.Transfer.Tests.Support;

/// <summary>For server-side tallies that settle just after the client has seen the outcome. A liveness bound, not a timing assertion.</summary>
internal static class Eventually
{
    public static async Task EqualAsync<T>(T expected, Func<T> actual)
    {
        for (var i = 0; i < 1000 && !EqualityComparer<T>.Default.Equals(expected, actual()); i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(expected, actual());
    }
}
