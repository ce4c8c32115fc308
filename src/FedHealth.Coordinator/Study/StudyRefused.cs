using Akka.Actor;

namespace FedHealth.Coordinator.Study;

/// <summary>Study → whoever started it: the study cannot start or resume, and why (the host reports it as bad input).</summary>
public sealed record StudyRefused(string Reason) : INoSerializationVerificationNeeded;
