namespace RedesPlataforma.Tenants.Accounts;

/// <summary>
/// The signed-in person's second factor. <c>Required</c>: the institution requires it (it cannot be turned off).
/// <c>MayEnrol</c>: offered to this person (national unit, tenant admins, everyone of an institution that requires it).
/// </summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, bool MayEnrol, int RecoveryCodesLeft);

public sealed record TwoFactorCodeRequest(string? Code);

/// <summary>The re-check before regenerating recovery codes or turning the second factor off: the password, or a current code.</summary>
public sealed record TwoFactorConfirmation(string? Password, string? Code);

public sealed record RecoveryCodes(IReadOnlyList<string> Codes);
