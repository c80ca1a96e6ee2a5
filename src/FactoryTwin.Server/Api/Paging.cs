using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>Pagination: <c>page</c> from 1, <c>pageSize</c> from 1 and clamped to <see cref="ServerOptions.MaxPageSize"/>.</summary>
internal static class Paging
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Cuts one page out of a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">All items.</param>
    /// <param name="page">The page asked for, or <see langword="null"/> for the first.</param>
    /// <param name="pageSize">The size asked for, or <see langword="null"/> for the default.</param>
    /// <param name="maxPageSize">The largest page size.</param>
    /// <param name="problem">A 400 problem when <paramref name="page"/> or <paramref name="pageSize"/> is below 1.</param>
    /// <returns>The page, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static Page<T>? Cut<T>(IReadOnlyList<T> items, int? page, int? pageSize, int maxPageSize, out ProblemHttpResult? problem)
    {
        problem = null;
        var number = page ?? 1;
        if (number < 1)
        {
            problem = Problems.BadRequest(ApiCatalog.MustBe("page", number.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        if (pageSize < 1)
        {
            problem = Problems.BadRequest(ApiCatalog.MustBe("pageSize", pageSize.Value.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, maxPageSize);
        var skip = (long)(number - 1) * size;
        var slice = skip >= items.Count ? [] : items.Skip((int)skip).Take(size).ToArray();
        return new Page<T>(slice, number, size, items.Count);
    }
}
