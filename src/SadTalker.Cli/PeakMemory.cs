using System.Globalization;
using System.Runtime.InteropServices;

namespace SadTalker.Cli;

/// <summary>Peak resident memory of this process and of its finished children (ffmpeg), Linux only.</summary>
internal static partial class PeakMemory
{
    private const int RusageChildren = -1;

    /// <summary>VmHWM from /proc/self/status in bytes: the peak resident set of this process; null where unavailable.</summary>
    public static long? Self()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux: no /proc.
        }

        return null;
    }

    /// <summary>getrusage(RUSAGE_CHILDREN).ru_maxrss in bytes: the largest peak of any waited-for child (ffmpeg).</summary>
    public static long? LargestChild()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var usage = new RUsage();
        return GetRUsage(RusageChildren, ref usage) == 0 ? usage.MaxRssKb * 1024 : null;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, ref RUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs, ru_maxrss (in KiB) first.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRssKb, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }
}
