using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Reporting.Suppression;
using static RedesPlataforma.Reporting.Figures.Catalog;

namespace RedesPlataforma.Reporting.Tests;

/// <summary>The national tables are suppressed as one published set: no hidden cell follows from all of them together.</summary>
public sealed class PublishedSetTests
{
    private const int FirstSeed = 20261205;
    private const int Nations = 300;
    private static readonly SuppressionOptions Rule = new() { MinProducers = 5, MinNetworks = 3 };

    [Fact]
    public void Random_nations_publish_no_hidden_cell_that_the_whole_published_set_gives_away()
    {
        for (var seed = FirstSeed; seed < FirstSeed + Nations; seed++)
        {
            var dashboard = NationalReports.Publish(RandomNation.Generate(new Random(seed)), new RowLabels(), Rule);
            var reader = NationalObserver.Of(dashboard);

            var (alone, recoverable) = (reader.WithOneHidden(), reader.Recoverable());
            Assert.True(alone.Count == 0, $"seed {seed}: a relation with one hidden cell: {string.Join("; ", alone.Select(r => r.Total))}");
            Assert.True(recoverable.Count == 0, $"seed {seed}: recoverable: {string.Join("; ", recoverable)}");
            foreach (var table in dashboard.Tables.Append(dashboard.Summary))
                foreach (var row in table.Rows.Append(table.Total))
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        var (key, value) = (table.Columns[c].Key, row.Values[c]);
                        Assert.True(!row.Suppressed.Contains(key) || value is null, $"seed {seed}: {table.Name}/{row.Key}/{key} is hidden but shown");
                        Assert.True(!IsSmallCount(key, value), $"seed {seed}: {table.Name}/{row.Key}/{key} = {value} is shown");
                    }
        }
    }

    [Fact]
    public void Unique_producers_below_the_threshold_hide_the_producers_total_which_gives_them_away_to_a_reader_who_knows_who_is_shared()
    {
        // A registers four people in Cusco; B one in Puno, who is also one of A's: five producers, four people.
        var (a, b) = (Producers(women: 2, men: 2), Producers(women: 1, men: 0));
        var total = Producers(women: 3, men: 2);
        total.Add(Measures.UniqueProducers, 4);
        var data = new ReportData().Add([
            new CellSums(Dimension.Institution, "a", a), new CellSums(Dimension.Region, "PE-CUS", a),
            new CellSums(Dimension.Institution, "b", b), new CellSums(Dimension.Region, "PE-PUN", b),
            new CellSums(null, null, total)]);

        var dashboard = NationalReports.Publish(data, new RowLabels(), Rule);

        Assert.Empty(NationalObserver.Of(dashboard).Recoverable());
        Assert.Empty(NationalObserver.Of(dashboard).WithOneHidden());
        Assert.Contains(UniqueProducers.Key, dashboard.Summary.Total.Suppressed);
        // Published, the five producers would be the four people plus the one a reader may know is registered twice.
        Assert.All(dashboard.Tables.Append(dashboard.Summary).Where(t => t.Columns.Any(c => c.Key == Catalog.Producers.Key)),
            table => Assert.Contains(Catalog.Producers.Key, table.Total.Suppressed));
    }

    private static Measures Producers(int women, int men)
    {
        var measures = new Measures();
        measures.Add(nameof(ProducerCell.Producers), women + men);
        measures.Add(nameof(ProducerCell.FemaleProducers), women);
        measures.Add(nameof(ProducerCell.MaleProducers), men);
        return measures;
    }

    /// <summary>A producer or network count below its threshold (other figures' bases are checked by <see cref="CellSuppressionTests"/>).</summary>
    private static bool IsSmallCount(string key, decimal? value) => value > 0 && (
        new[] { Catalog.Producers, FemaleProducers, MaleProducers, UniqueProducers }.Any(f => f.Key == key) && value < Rule.MinProducers ||
        new[] { Catalog.Networks, WomenLedNetworks }.Any(f => f.Key == key) && value < Rule.MinNetworks);
}
