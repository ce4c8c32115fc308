using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// Stopping a process with everything it started. A child that outlives its parent is re-parented
/// and no longer in the parent's tree, so the descendants are listed before any signal is sent and
/// killed by id afterwards.
/// </summary>
internal static class ProcessTree
{
    private const int SigTerm = 15;

    /// <summary>Asks the process (not its children) to shut down: SIGTERM on Unix; false where there is none.</summary>
    public static bool Terminate(Process process)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()))
        {
            return false;
        }

        try
        {
            return !process.HasExited && Kill(process.Id, SigTerm) == 0;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Kills the process, its tree and the <paramref name="descendants"/> listed earlier that are still alive.</summary>
    public static void KillAll(Process process, IEnumerable<int> descendants)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }

        foreach (var id in descendants)
        {
            try
            {
                using var child = Process.GetProcessById(id);
                child.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Every process below <paramref name="root"/> (Linux: from /proc; elsewhere none, and <see cref="Process.Kill(bool)"/> does the work).</summary>
    public static IReadOnlyList<int> DescendantsOf(int root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || ParentOf(directory) is not { } parent)
            {
                continue;
            }

            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(id);
        }

        var result = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.Count > 0)
        {
            if (children.TryGetValue(pending.Pop(), out var list))
            {
                foreach (var child in list.Where(c => !result.Contains(c)))
                {
                    result.Add(child);
                    pending.Push(child);
                }
            }
        }

        return result;
    }

    /// <summary>The 4th field of /proc/&lt;pid&gt;/stat; the 2nd (the command) may hold spaces and parentheses, so parsing starts after the last ')'.</summary>
    private static int? ParentOf(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // DllImport rather than LibraryImport: the project has no unsafe code, and (int, int) → int needs no marshalling.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
