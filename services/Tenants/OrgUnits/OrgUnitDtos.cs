using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Tenants.OrgUnits;

public sealed record OrgUnitRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: Required, EnumDataType(typeof(OrgUnitKind))] OrgUnitKind? Kind,
    [property: Required, RegionCodes] string RegionCode,
    Guid? ParentId);

public sealed record OrgUnitDto(Guid Id, string Name, OrgUnitKind Kind, string RegionCode, Guid? ParentId);
