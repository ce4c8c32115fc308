namespace FedHealth.Core.Training;

public enum ModelKind
{
    /// <summary>Linear layer to one logit, sigmoid output.</summary>
    LogisticRegression = 0,

    /// <summary>Fully connected ReLU layers, then one logit.</summary>
    Mlp = 1,
}
