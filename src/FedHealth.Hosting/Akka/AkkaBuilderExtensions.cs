using Akka.Event;
using Akka.Hosting;
using Akka.Logger.Serilog;
using FedHealth.Hosting.Serialization;

namespace FedHealth.Hosting.Akka;

/// <summary>The production wiring, shared by hosts and tests.</summary>
public static class AkkaBuilderExtensions
{
    /// <summary>Every protocol message goes through <see cref="ProtocolSerializer"/>.</summary>
    public static AkkaConfigurationBuilder WithFedHealthSerialization(this AkkaConfigurationBuilder builder) =>
        builder.AddHocon(SerializationConfig.Config, HoconAddMode.Prepend);

    /// <summary>Akka's own logs go through Serilog, keeping message templates.</summary>
    public static AkkaConfigurationBuilder WithFedHealthLogging(this AkkaConfigurationBuilder builder, LogLevel level = LogLevel.InfoLevel) =>
        builder
            .ConfigureLoggers(setup =>
            {
                setup.LogLevel = level;
                setup.ClearLoggers();
                setup.AddLogger<SerilogLogger>();
            })
            // Akka's fallback logger writes to stdout during start-up and shutdown (after Serilog is
            // detached); stdout carries only results (e.g. --json), so it stays silent.
            .AddHocon("akka.stdout-loglevel = OFF\nakka.log-dead-letters-during-shutdown = off", HoconAddMode.Prepend);
}
