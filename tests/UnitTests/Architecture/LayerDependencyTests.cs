using System.Reflection;
using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence;
using FluentValidation;
using Mediator;
using NetArchTest.Rules;

namespace DoubleDibz.UnitTests.Architecture;

/// <summary>The dependency rule: Domain knows nothing; Application knows Domain; only the outer layers know frameworks.</summary>
public class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(User).Assembly;
    private static readonly Assembly Application = typeof(SignupCommand).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{assembly.GetName().Name} must not depend on {string.Join(", ", forbidden)}");
    }

    [Test]
    public void Domain_depends_on_no_other_layer_and_no_framework()
    {
        AssertNoDependency(Domain,
            "DoubleDibz.Application", "DoubleDibz.Infrastructure", "DoubleDibz.WebApi",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Mediator", "FluentValidation", "Mapster");
    }

    [Test]
    public void Application_does_not_depend_on_Infrastructure_WebApi_or_persistence_web_and_crypto_libraries()
    {
        AssertNoDependency(Application,
            "DoubleDibz.Infrastructure", "DoubleDibz.WebApi", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Konscious", "Geralt",
            "OtpNet", "QRCoder"); // two-factor sign-in: TOTP and QR codes only behind ports
    }

    [Test]
    public void Infrastructure_does_not_depend_on_WebApi()
    {
        AssertNoDependency(Infrastructure, "DoubleDibz.WebApi", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing");
    }

    [Test]
    public void Each_handler_and_validator_lives_in_the_folder_of_the_message_it_serves()
    {
        var misplaced =
            from type in Application.GetTypes()
            from contract in type.GetInterfaces().Concat(BaseTypes(type))
            where contract.IsGenericType && ServesAMessage(contract.GetGenericTypeDefinition())
            let message = contract.GenericTypeArguments[0]
            where message.Namespace != type.Namespace
            select $"{type.FullName} serves {message.FullName}";

        Assert.That(misplaced.Distinct(), Is.Empty);
    }

    private static bool ServesAMessage(Type definition) =>
        definition == typeof(ICommandHandler<,>) || definition == typeof(IQueryHandler<,>) || definition == typeof(AbstractValidator<>);

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
