using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using static RedesPlataforma.Tenants.Tests.Refusals;

namespace RedesPlataforma.Tenants.Tests;

public sealed class OnboardingApplicationTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Reviewer = Guid.CreateVersion7();

    private static OnboardingApplication Pending() => new()
    {
        InstitutionName = "Agencia Agraria Puno", Kind = InstitutionKind.Public, Ruc = "20100070970", Regions = ["PE-PUN"],
        Slug = "agencia-puno", AdminFullName = "Rosa Quispe", AdminEmail = "rosa@agencia.pe", AdminPasswordHash = "hash",
        SubmittedAt = Submitted,
    };

    [Fact]
    public void A_pending_application_is_approved_for_its_new_tenant()
    {
        var application = Pending();
        var tenantId = Guid.CreateVersion7();

        Assert.Null(application.Approve(tenantId, Reviewer, Submitted.AddDays(1)));

        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(tenantId, application.TenantId);
        Assert.Equal(Reviewer, application.DecidedBy);
        Assert.Equal(Submitted.AddDays(1), application.DecidedAt);
    }

    [Fact]
    public void A_pending_application_is_rejected_with_its_reason()
    {
        var application = Pending();

        Assert.Null(application.Reject("RUC inactivo", Reviewer, Submitted.AddDays(1)));

        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("RUC inactivo", application.DecisionReason);
        Assert.Null(application.TenantId);
        Assert.Equal(Submitted.AddDays(1), application.DecidedAt);
    }

    [Theory]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Rejected, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Rejected, ApplicationStatus.Rejected)]
    public void A_decided_application_is_not_decided_again(ApplicationStatus decided, ApplicationStatus attempt)
    {
        var application = Pending();
        var firstTenant = Guid.CreateVersion7();
        Decide(application, decided, firstTenant, Submitted.AddDays(1));

        var refusal = Decide(application, attempt, Guid.CreateVersion7(), Submitted.AddDays(2));

        AssertRefused(refusal, 409, $"The application is already {decided}. / La solicitud ya fue resuelta ({decided}).");
        Assert.Equal(decided, application.Status);
        Assert.Equal(Submitted.AddDays(1), application.DecidedAt);
        Assert.Equal(decided == ApplicationStatus.Approved ? firstTenant : null, application.TenantId);
    }

    private static Refusal? Decide(
        OnboardingApplication application, ApplicationStatus decision, Guid tenantId, DateTimeOffset at) =>
        decision == ApplicationStatus.Approved
            ? application.Approve(tenantId, Reviewer, at)
            : application.Reject("Duplicada", Reviewer, at);
}
