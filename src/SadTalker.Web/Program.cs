using SadTalker.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddAppConfiguration();
builder.AddData();
builder.AddAccounts();
builder.AddTeams();
builder.AddInference();
builder.AddLibrary();
builder.AddConsent();
builder.AddGeneration();
builder.AddTrust();
builder.AddUi();

var app = builder.Build();

await app.MigrateDatabaseAsync();
app.UseAppPipeline();
app.MapAppEndpoints();
app.UseGeneration();
app.MapGenerationEndpoints();
app.MapTrustEndpoints();

await app.RunAsync();

/// <summary>Entry point type, public for <c>WebApplicationFactory</c> tests.</summary>
public partial class Program;
