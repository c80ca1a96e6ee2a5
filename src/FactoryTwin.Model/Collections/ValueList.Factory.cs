namespace FactoryTwin.Model.Collections;

/// <summary>Creates <see cref="ValueList{T}"/> instances.</summary>
public static class ValueList
{
    /// <summary>Creates a list of the given items.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Of<T>(params IEnumerable<T> items) => new(items);

    /// <summary>Copies a sequence into a list.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
