using System.Net;
using System.Net.Sockets;

namespace BorderAlertBot.Testing.Network;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a fake server, that can be shut like a platform that is down: while closed,
/// nothing listens on its port, so a connection attempt is refused (ECONNREFUSED) and every open connection is cut.
/// Point a base URL at <see cref="Rewrite"/> of the fake's URL. Thread-safe.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private Socket? _listener;
    private CancellationTokenSource _accepting = new();

    private TcpGate(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    /// <summary>The gate's own port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>How many connections the gate has relayed.</summary>
    public int Relayed { get; private set; }

    /// <summary>A gate in front of <paramref name="target"/> (a fake server's URL), open.</summary>
    public static TcpGate Open(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var listener = NewListener(0);
        var gate = new TcpGate(new IPEndPoint(IPAddress.Loopback, target.Port), ((IPEndPoint)listener.LocalEndPoint!).Port); // Bound: it has an endpoint.
        gate.Listen(listener);
        return gate;
    }

    /// <summary><paramref name="url"/> with the gate's port instead of the fake's.</summary>
    public Uri Rewrite(Uri url) => new UriBuilder(url) { Port = Port }.Uri;

    /// <summary>Refuses new connections from now on and cuts every open one.</summary>
    public void Close()
    {
        List<TcpClient> open;
        lock (_gate)
        {
            _accepting.Cancel();
            _listener?.Dispose();
            _listener = null;
            open = [.. _connections];
            _connections.Clear();
        }

        foreach (var connection in open)
        {
            try
            {
                // A reset, as a dead host's stack would send. The relay may be closing this one at the same moment.
                connection.Client?.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
            {
                // Already gone.
            }

            connection.Dispose();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Reopen()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            _accepting.Dispose();
            _accepting = new CancellationTokenSource();
            Listen(NewListener(Port));
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _accepting.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Socket NewListener(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        socket.Listen(64);
        return socket;
    }

    private void Listen(Socket listener)
    {
        _listener = listener;
        var token = _accepting.Token;
        _ = Task.Run(() => AcceptAsync(listener, token), CancellationToken.None);
    }

    private async Task AcceptAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(new TcpClient { Client = accepted }), CancellationToken.None);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        using var outbound = new TcpClient();
        lock (_gate)
        {
            _connections.Add(inbound);
            _connections.Add(outbound);
            Relayed++;
        }

        try
        {
            await outbound.ConnectAsync(_target);
            using var cut = new CancellationTokenSource();
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), cut.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), cut.Token);
            await Task.WhenAny(up, down);
            await cut.CancelAsync();
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut by Close, or one side went away: either way this connection is over.
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(inbound);
                _connections.Remove(outbound);
            }

            inbound.Dispose();
        }
    }
}
