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

/// <summary>xunit's own framework, with the test cases of <see cref="ChangesTheDemoDataAttribute"/> classes moved last (order otherwise kept).</summary>
public sealed class DemoDataLastFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions) =>
            // A stable sort: xunit then runs a collection's classes in the order their first test case appears.
            base.RunTestCases([.. testCases.OrderBy(ChangesTheDemoData)], executionMessageSink, executionOptions);

        private static bool ChangesTheDemoData(IXunitTestCase testCase) =>
            testCase.TestMethod.TestClass.Class.GetCustomAttributes(typeof(ChangesTheDemoDataAttribute)).Any();
    }
}
