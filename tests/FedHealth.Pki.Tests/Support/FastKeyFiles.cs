using System.Runtime.CompilerServices;
using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Tests.Support;

internal static class FastKeyFiles
{
    /// <summary>
    /// The unit tests write and read hundreds of PKCS#12 files; at the shipped 300,000 PBKDF2
    /// iterations they would take minutes on a small machine. Pkcs12FileSpecs checks the shipped
    /// setting itself, and the end-to-end specs run the real command with it.
    /// </summary>
#pragma warning disable CA2255 // A test assembly is the one place a module initializer is wanted.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Lower() => Pkcs12File.Iterations = 2_000;
}
