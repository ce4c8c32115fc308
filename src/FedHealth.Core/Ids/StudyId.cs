namespace FedHealth.Core.Ids;

/// <summary>Identity of one federated study (a training run over a fixed set of sites).</summary>
public readonly record struct StudyId(string Value)
{
    public override string ToString() => Value;
}
