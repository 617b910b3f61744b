namespace RedesPlataforma.BuildingBlocks.Peru;

/// <summary>Dates as Peru sees them (UTC−5 all year, no daylight saving), so "today" does not jump at 19:00 local time.</summary>
public static class PeruCalendar
{
    static readonly TimeSpan Offset = TimeSpan.FromHours(-5);

    public static DateOnly PeruToday(this TimeProvider clock) => clock.GetUtcNow().PeruDate();

    public static DateOnly PeruDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a Peru day starts, in UTC (what PostgreSQL's timestamptz takes).</summary>
    public static DateTimeOffset StartOfPeruDay(this DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    public static DateOnly FirstOfMonth(this DateOnly date) => new(date.Year, date.Month, 1);
}
