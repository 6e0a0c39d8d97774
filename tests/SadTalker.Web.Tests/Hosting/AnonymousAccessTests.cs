using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

public sealed class AnonymousAccessTests(AnonymousAccessTests.Fixture fixture) : IClassFixture<AnonymousAccessTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    // Pages a visitor must reach without an account.
    private static readonly string[] PublicPrefixes = ["/Account/", "/not-found", "/Error", "/about/"];

    public static TheoryData<string> ProtectedRoutes()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => "/" + r.Template.TrimStart('/'))
            .Where(r => !r.Contains('{') && !PublicPrefixes.Any(p => r.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Distinct()
            .Order();
        var data = new TheoryData<string>();
        foreach (var route in routes)
        {
            data.Add(route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Page_RedirectsAnonymousVisitorToLogin(string route)
    {
        using var client = IdentityForms.CreateClient(fixture);
        var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public void ProtectedRoutes_CoverTheAppSections()
    {
        var routes = ((IEnumerable<object?[]>)ProtectedRoutes()).Select(r => (string)r[0]!).ToList();
        Assert.Contains("/", routes);
        Assert.Contains("/admin/users", routes);
        Assert.Contains("/library", routes);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/about/provenance")]
    public async Task AccountPages_AreOpenToVisitors(string route)
    {
        using var client = IdentityForms.CreateClient(fixture);
        var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
