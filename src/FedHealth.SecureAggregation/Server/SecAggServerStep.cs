namespace FedHealth.SecureAggregation.Server;

/// <summary>
/// What the coordinator does after a stage closes: deliver <see cref="Outgoing"/> and wait for
/// the next stage, or finish with <see cref="Result"/> or <see cref="Abort"/>.
/// </summary>
public sealed record SecAggServerStep(IReadOnlyList<SecAggOutgoing> Outgoing, SecAggRoundResult? Result, SecAggRoundAbort? Abort)
{
    public bool IsFinished => Result is not null || Abort is not null;

    internal static SecAggServerStep Send(IReadOnlyList<SecAggOutgoing> outgoing) => new(outgoing, null, null);

    internal static SecAggServerStep Completed(SecAggRoundResult result) => new([], result, null);

    internal static SecAggServerStep Aborted(SecAggRoundAbort abort) => new([], null, abort);
}
