namespace FactoryTwin.Analytics.Orders;

/// <summary>An open order whose completion <see cref="OrderCompletionForecaster"/> forecasts.</summary>
/// <param name="Id">The order id, as the release schedule and the bodies' order name it.</param>
/// <param name="Outstanding">The bodies that must still leave the plant for the order to be complete (ordered minus completed).</param>
/// <param name="Due">When the order is due.</param>
public sealed record ForecastOrder(string Id, int Outstanding, DateTimeOffset Due);
