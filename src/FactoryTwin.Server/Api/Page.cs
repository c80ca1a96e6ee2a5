namespace FactoryTwin.Server.Api;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Number">The page number, from 1.</param>
/// <param name="PageSize">The page size used (after clamping).</param>
/// <param name="Total">The number of items in all pages.</param>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Number, int PageSize, int Total);
