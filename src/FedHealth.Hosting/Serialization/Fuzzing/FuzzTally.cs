using FedHealth.Hosting.Serialization.Validation;

namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>The outcomes of a fuzz run on one manifest; the first unexpected one is kept with its case number.</summary>
public sealed class FuzzTally(string manifest)
{
    private readonly Dictionary<RefusalReason, long> _refused = [];

    public string Manifest => manifest;

    public long Tried { get; private set; }

    public long Accepted { get; private set; }

    public long Unexpected { get; private set; }

    public IReadOnlyDictionary<RefusalReason, long> RefusedByReason => _refused;

    public long Refused => _refused.Values.Sum();

    /// <summary>The first unexpected outcome and the case that produced it, for reproduction.</summary>
    public (long Case, Exception Exception)? FirstUnexpected { get; private set; }

    public void Add(FuzzOutcome outcome)
    {
        Tried++;
        if (outcome.Accepted)
        {
            Accepted++;
        }
        else if (outcome.Refused is { } reason)
        {
            _refused[reason] = _refused.GetValueOrDefault(reason) + 1;
        }
        else
        {
            Unexpected++;
            FirstUnexpected ??= (Tried - 1, outcome.Unexpected!);
        }
    }
}
