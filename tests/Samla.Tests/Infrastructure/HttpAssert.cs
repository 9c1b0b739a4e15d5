using System.Net;
using Xunit.Sdk;

namespace Samla.Tests.Infrastructure;

/// <summary>Assertions on responses that show the body when they fail: the page usually says what went wrong.</summary>
public static class HttpAssert
{
    public static async Task<string> AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            var request = response.RequestMessage;
            throw new XunitException(
                $"Expected {(int)expected} {expected} from {request?.Method} {request?.RequestUri?.PathAndQuery}, " +
                $"got {(int)response.StatusCode} {response.StatusCode}" +
                (response.Headers.Location is { } location ? $" (Location: {location})" : "") +
                $".\n--- body ---\n{Excerpt(body)}");
        }
        return body;
    }

    public static async Task<string> AssertOkAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    public static string Excerpt(string body, int max = 4000) =>
        body.Length <= max ? body : body[..max] + $"\n… ({body.Length - max} more characters)";
}
