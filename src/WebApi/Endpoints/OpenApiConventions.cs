using DoubleDibz.WebApi.Http;

namespace DoubleDibz.WebApi.Endpoints;

/// <summary>OpenAPI descriptions in the contract's envelope, so each endpoint needs one line of metadata.</summary>
public static class OpenApiConventions
{
    public static RouteHandlerBuilder Describe<TData>(this RouteHandlerBuilder builder, string summary, params int[] statusCodes)
    {
        var success = statusCodes.Contains(StatusCodes.Status201Created) ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return builder.Describe(summary, statusCodes).Produces<ApiData<TData>>(success);
    }

    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, params int[] statusCodes)
    {
        builder.WithSummary(summary).Produces<ApiMessage>();
        foreach (var status in statusCodes.Where(s => s >= 400).Append(StatusCodes.Status400BadRequest))
        {
            builder.Produces<ApiErrorEnvelope>(status);
        }

        return builder;
    }

    public static RouteHandlerBuilder AcceptsForm<TRequest>(this RouteHandlerBuilder builder)
        where TRequest : notnull =>
        builder.Accepts<TRequest>("application/json", "application/x-www-form-urlencoded");
}
