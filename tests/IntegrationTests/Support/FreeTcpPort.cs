using System.Net;
using System.Net.Sockets;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>A TCP port that was free a moment ago, for a server that must be told its port in advance.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
