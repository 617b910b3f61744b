using System.Globalization;

namespace RedesPlataforma.Deploy.Tests;

/// <summary>ingress-nginx sizes such as <c>50m</c>: nginx's units, powers of 1024.</summary>
public static class NginxSize
{
    public static long Bytes(string size)
    {
        var unit = char.ToLowerInvariant(size[^1]);
        var multiplier = unit switch { 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 1 };
        var number = multiplier == 1 ? size : size[..^1];
        return long.Parse(number, CultureInfo.InvariantCulture) * multiplier;
    }
}
