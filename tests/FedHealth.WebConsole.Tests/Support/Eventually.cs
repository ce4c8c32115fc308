namespace FedHealth.WebConsole.Tests.Support;

/// <summary>Waits for a condition the actors bring about asynchronously; fails (never passes silently) if it does not come within a generous bound.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        using var deadline = new CancellationTokenSource(Bound);
        T last = await read().ConfigureAwait(false);
        while (!done(last))
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"{what} did not happen within {Bound.TotalSeconds:0} s; last seen: {last}");
            }

            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
            last = await read().ConfigureAwait(false);
        }

        return last;
    }
}
