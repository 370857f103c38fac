namespace DoubleDibz.WebApi.Http;

public static class ApiRequests
{
    /// <summary>
    /// A POST, PUT, PATCH or DELETE that routing matched to an <c>/api</c> endpoint. Requests that routing
    /// refused (404, 405) are not, so they keep their own answer.
    /// </summary>
    public static bool IsStateChangingCall(HttpContext context)
    {
        var method = context.Request.Method;
        return (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
            && context.Request.Path.StartsWithSegments("/api")
            && context.GetEndpoint() is RouteEndpoint;
    }
}
