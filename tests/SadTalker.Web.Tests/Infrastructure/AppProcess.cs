using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SadTalker.Web.Tests.Infrastructure;

/// <summary>
/// The app as a real Kestrel process on a loopback port: what the start script runs. Used where TestServer is not
/// enough (a real browser, restarting the server, publish output). Output is kept for failure messages.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _fileName;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string _workingDirectory;
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AppProcess(string fileName, IReadOnlyList<string> arguments, string workingDirectory, string dataDir, int port)
    {
        (_fileName, _arguments, _workingDirectory, Port) = (fileName, arguments, workingDirectory, port);
        _environment = new()
        {
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["SADTALKER_Storage__DataDir"] = dataDir,
            ["SADTALKER_Inference__Device"] = "cpu",
            ["DOTNET_NOLOGO"] = "1",
        };
    }

    public int Port { get; }

    /// <summary>localhost rather than 127.0.0.1: the login page's passkey script rejects IP hosts.</summary>
    public string BaseUrl => $"http://localhost:{Port}";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The built app (the test project's copy of SadTalker.Web.dll), run from the repository root.</summary>
    public static AppProcess ForBuiltApp(string dataDir) =>
        new("dotnet", [RepoPaths.WebAppDll], RepoPaths.Root, dataDir, FreePort());

    public static AppProcess For(string fileName, IReadOnlyList<string> arguments, string workingDirectory, string dataDir) =>
        new(fileName, arguments, workingDirectory, dataDir, FreePort());

    /// <summary>Sets a configuration value (<c>Section:Key</c>) for the next start, through the app's environment prefix.</summary>
    public AppProcess WithSetting(string key, string value)
    {
        _environment["SADTALKER_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return this;
    }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(_fileName)
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"App exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync($"{BaseUrl}/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"App not healthy at {BaseUrl} within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
