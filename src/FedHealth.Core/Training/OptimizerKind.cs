namespace FedHealth.Core.Training;

public enum OptimizerKind
{
    Sgd = 0,
    Adam = 1,
}
