using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("RedesPlataforma.EndToEnd.Tests.DemoDataLastFramework", "EndToEnd.Tests")]

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// Marks a test class whose tests add to the demo tenant's published figures (producers, networks, committed funds).
/// The suite shares one seeded stack, and several tests assert the published snapshot exactly (1,543 producers, 94
/// networks, S/ 3.2 M): the marked classes run after every other class, so those tests see the snapshot as seeded,
/// whatever order xunit discovers the classes in.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ChangesTheDemoDataAttribute : Attribute;

/// <summary>
/// Marks a test class that may change anything a valid request can, the institutions' settings and people included
/// (the robustness test: an odd input that is still valid is written). Its tests run after every other test, the
/// <see cref="ChangesTheDemoDataAttribute"/> classes included, which still sign in the seeded staff.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ChangesAnythingAttribute : Attribute;

/// <summary>xunit's own framework, with the test cases of <see cref="ChangesTheDemoDataAttribute"/> classes moved after the others, and those of <see cref="ChangesAnythingAttribute"/> classes last (order otherwise kept).</summary>
public sealed class DemoDataLastFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions) =>
            // A stable sort: xunit then runs a collection's classes in the order their first test case appears.
            base.RunTestCases([.. testCases.OrderBy(HowMuchItChanges)], executionMessageSink, executionOptions);

        private static int HowMuchItChanges(IXunitTestCase testCase) =>
            Has<ChangesAnythingAttribute>(testCase) ? 2 : Has<ChangesTheDemoDataAttribute>(testCase) ? 1 : 0;

        private static bool Has<TAttribute>(IXunitTestCase testCase) where TAttribute : Attribute =>
            testCase.TestMethod.TestClass.Class.GetCustomAttributes(typeof(TAttribute)).Any();
    }
}
