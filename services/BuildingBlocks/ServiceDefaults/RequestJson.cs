using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// How every service reads and writes JSON bodies: enums as text, a key given twice is an error
/// (which of the two would count is not the client's choice to leave to us), and a record's constructor parameter of a
/// value type without a default must be present: left out, a <c>bool</c> would silently be <c>false</c>, a number 0,
/// a date 0001-01-01 and an id <c>Guid.Empty</c>. Reference-type and nullable parameters stay optional (validation
/// attributes say which are required) so clients that leave out an optional field keep working.
/// </summary>
public static class RequestJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(ValueParametersAreRequired);
    }

    private static void ValueParametersAreRequired(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.AssociatedParameter is { HasDefaultValue: false, ParameterType: { IsValueType: true } parameterType }
                && Nullable.GetUnderlyingType(parameterType) is null)
                property.IsRequired = true;
    }
}
