namespace RedesPlataforma.Bench.Networks;

/// <summary>Command-line options: --rows 100000 --runs 200 --warmup 20 --page-size 25 --deep-page 500 --only import,ef,export,list --explain --keep (leave the database)</summary>
public sealed record BenchSettings(int Rows, int Runs, int Warmup, int PageSize, int DeepPage, HashSet<string> Only, bool Explain, bool Keep)
{
    public static readonly string[] Parts = ["import", "ef", "export", "list"];

    public bool Includes(string part) => Only.Count == 0 || Only.Contains(part);

    public static BenchSettings? Parse(string[] args)
    {
        var settings = new BenchSettings(100_000, 200, 20, 25, 500, [], false, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--rows": settings = settings with { Rows = int.Parse(Next()) }; break;
                case "--runs": settings = settings with { Runs = int.Parse(Next()) }; break;
                case "--warmup": settings = settings with { Warmup = int.Parse(Next()) }; break;
                case "--page-size": settings = settings with { PageSize = int.Parse(Next()) }; break;
                case "--deep-page": settings = settings with { DeepPage = int.Parse(Next()) }; break;
                case "--only": settings = settings with { Only = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries)] }; break;
                case "--explain": settings = settings with { Explain = true }; break;
                case "--keep": settings = settings with { Keep = true }; break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Options: --rows N --runs N --warmup N --page-size N --deep-page N --only {string.Join(',', Parts)} --explain --keep");
                    return null;
            }
        }
        return settings;
    }
}
