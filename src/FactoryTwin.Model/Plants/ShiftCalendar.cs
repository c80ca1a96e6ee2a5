using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A weekly working pattern: shifts with breaks, and planned downtime.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Shifts">The shifts.</param>
/// <param name="PlannedDowntime">Weekly planned stops (maintenance, cleaning) inside shift time.</param>
public sealed record ShiftCalendar(CalendarId Id, string Name, ValueList<Shift> Shifts, ValueList<PlannedDowntime> PlannedDowntime);
